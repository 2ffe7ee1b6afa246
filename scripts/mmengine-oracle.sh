#!/bin/sh
# Assembles the real mmengine 0.10.3 (pure Python) and addict 2.4.0 into DIR from git mirrors, so that
# tests and scripts/reader-references.js can compare the built-in reader with mmengine on a machine
# without pip. mmengine also imports numpy, yaml, yapf, rich and termcolor (Debian: python3-numpy
# python3-yaml python3-yapf python3-rich python3-termcolor; or `pip install mmengine==0.10.3` instead).
#   MIRROR=/work/.mirror scripts/mmengine-oracle.sh /tmp/mmengine-site
#   PYTHONPATH=/tmp/mmengine-site YW_TEST_PYTHON=/usr/bin/python3 npx vitest run test/io
set -eu
DIR=${1:?usage: MIRROR=... $0 DIR}
MIRROR=${MIRROR:?set MIRROR to the folder holding open-mmlab+mmengine/repo and mewwts+addict/repo}
mkdir -p "$DIR"
git --git-dir="$MIRROR/open-mmlab+mmengine/repo" archive v0.10.3 mmengine | tar -x -C "$DIR"
git --git-dir="$MIRROR/mewwts+addict/repo" archive v2.4.0 addict | tar -x -C "$DIR"
echo "mmengine 0.10.3 in $DIR: PYTHONPATH=$DIR python3 -c 'import mmengine'"
