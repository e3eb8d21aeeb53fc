package org.huisu.core.model;

/** Edges of the provenance graph, named as W3C PROV names them. */
public enum RelationKind {
    WAS_GENERATED_BY("wasGeneratedBy"),
    USED("used"),
    WAS_DERIVED_FROM("wasDerivedFrom"),
    WAS_ASSOCIATED_WITH("wasAssociatedWith"),
    WAS_ATTRIBUTED_TO("wasAttributedTo"),
    WAS_INFORMED_BY("wasInformedBy"),
    WAS_INVALIDATED_BY("wasInvalidatedBy"),
    ACTED_ON_BEHALF_OF("actedOnBehalfOf"),
    HAD_MEMBER("hadMember"),
    ALTERNATE_OF("alternateOf");

    private final String provName;

    RelationKind(String provName) {
        this.provName = provName;
    }

    public String provName() {
        return provName;
    }

    public static RelationKind fromProvName(String name) {
        for (RelationKind k : values()) {
            if (k.provName.equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown relation " + name);
    }
}
