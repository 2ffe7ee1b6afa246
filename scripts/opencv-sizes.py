"""Decodes image files as mmcv does (cv2.imdecode(buf, IMREAD_COLOR)) and prints what came out, as JSON.

Usage: /usr/bin/python3 scripts/opencv-sizes.py FILE...   (needs python3-opencv; yw itself never runs Python)
Prints {"opencv": version, "files": {name: {"width": w, "height": h} | {"decoded": false} | {"error": text}}}.
"""
import json
import os
import sys

import cv2
import numpy as np

files = {}
for path in sys.argv[1:]:
    name = os.path.basename(path)
    try:
        image = cv2.imdecode(np.fromfile(path, dtype=np.uint8), cv2.IMREAD_COLOR)
        files[name] = {"decoded": False} if image is None else {"width": image.shape[1], "height": image.shape[0]}
    except cv2.error as error:
        lines = [line for line in str(error).splitlines() if line.strip()]
        files[name] = {"error": lines[-1].split(") ", 1)[-1] if lines else "cv2.error"}
print(json.dumps({"opencv": cv2.__version__, "files": files}, indent=2, sort_keys=True))
