#!/usr/bin/env python3
"""Faces found by OpenCV's Haar cascade, as Autopsy's object-detection module finds them.

The anchor of huisu-bench/run-face-bench: what an examiner without Huisu would run. Autopsy's
module (Experimental/.../objectdetection/ObjectDetectectionFileIngestModule.java) decodes each
image in grey (imdecode with IMREAD_GRAYSCALE) and calls detectMultiScale(image, rects) with
OpenCV's defaults: scale factor 1.1, 3 neighbours, no minimum size. This does the same, through
Debian's python3-opencv, over the images listed in a file (one path a line), in a pool of
processes with one OpenCV thread each, as Huisu runs one image a thread.

Prints one JSON object a line: {"path": ..., "faces": [[x, y, w, h], ...]} for every image (or
"error" when it could not be decoded), then {"seconds": ..., "images": ..., ...}: the time from
handing the first image to the pool to the last result, the pool started and the cascade loaded.
"""
import argparse
import json
import sys
import time
from multiprocessing import Pool

import cv2

_cascade = None
_options = None


def _start(cascade, neighbours, min_size):
    global _cascade, _options
    cv2.setNumThreads(1)
    _cascade = cv2.CascadeClassifier(cascade)
    if _cascade.empty():
        raise SystemExit(f"{cascade}: not a Haar cascade OpenCV can load")
    _options = (neighbours, min_size)


def _ready(_):
    return _cascade is not None


def _detect(path):
    grey = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
    if grey is None:
        return {"path": path, "error": "OpenCV could not decode it"}
    neighbours, min_size = _options
    faces = _cascade.detectMultiScale(grey, scaleFactor=1.1, minNeighbors=neighbours,
                                      minSize=(min_size, min_size))
    return {"path": path, "faces": [[int(v) for v in f] for f in faces]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("list", help="a file naming one image a line")
    parser.add_argument("--cascade", required=True)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--neighbours", type=int, default=3, help="minNeighbors (Autopsy: OpenCV's default, 3)")
    parser.add_argument("--min-size", type=int, default=0, help="minSize in pixels (Autopsy: none)")
    args = parser.parse_args()
    with open(args.list, encoding="utf-8") as f:
        paths = [line.rstrip("\n") for line in f if line.strip()]
    with Pool(args.processes, _start, (args.cascade, args.neighbours, args.min_size)) as pool:
        # every worker has loaded the cascade before the clock starts
        pool.map(_ready, range(args.processes), chunksize=1)
        started = time.perf_counter()
        results = pool.map(_detect, paths, chunksize=4)
        seconds = time.perf_counter() - started
    out = sys.stdout
    for r in results:
        out.write(json.dumps(r) + "\n")
    out.write(json.dumps({"seconds": seconds, "images": len(paths), "processes": args.processes,
                          "opencv": cv2.__version__, "python": sys.version.split()[0],
                          "neighbours": args.neighbours, "minSize": args.min_size}) + "\n")


if __name__ == "__main__":
    main()
