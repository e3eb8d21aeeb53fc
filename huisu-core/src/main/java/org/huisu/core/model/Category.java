package org.huisu.core.model;

/** Kinds of personal information a detector can find. */
public enum Category {
    FACE_IMAGE, FACE_VIDEO, FACE_FEATURE, ID_NUMBER, PHONE
}
