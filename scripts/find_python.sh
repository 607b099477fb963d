#!/bin/sh
# Print the path of a Python >= 3.12 interpreter: first on PATH, then among pyenv's versions.
# hazm 0.12 needs Python >= 3.12; 3.12 is preferred because every dependency ships wheels for it.
ok() { "$1" -c 'import sys; sys.exit(not (3, 12) <= sys.version_info[:2] < (3, 14))' 2>/dev/null; }
for name in python3.12 python3.13 python3 python; do
    p=$(command -v "$name" 2>/dev/null) && ok "$p" && { echo "$p"; exit 0; }
done
root=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
for p in "$root"/versions/3.12*/bin/python "$root"/versions/3.13*/bin/python; do
    [ -x "$p" ] && ok "$p" && { echo "$p"; exit 0; }
done
echo "no Python 3.12 or 3.13 found on PATH or under pyenv: install one (e.g. 'pyenv install 3.12') and re-run make" >&2
exit 1
