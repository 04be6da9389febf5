# PYTHONPATH with several entries: order, empty and missing entries; entries come after the script directory.
mkdir -p p1 p2 && echo "WHO = 'p1'" > p1/shared.py && echo "WHO = 'p2'" > p2/shared.py && echo "WHO = 'only p2'" > p2/only2.py
PYTHONPATH=p1:p2 $PY -S -c 'import shared, only2; print(shared.WHO, only2.WHO)'; echo "rc=$?"
PYTHONPATH=p2:p1 $PY -S -c 'import shared; print(shared.WHO)'; echo "rc=$?"
PYTHONPATH=missing:p2 $PY -S -c 'import shared; print(shared.WHO)'; echo "rc=$?"
PYTHONPATH=p1 $PY -S -c 'import sys; print([p.rpartition("/")[2] for p in sys.path[:2]])'; echo "rc=$?"
echo "WHO = 'script dir'" > shared.py
echo 'import shared; print(shared.WHO)' > runner.py
PYTHONPATH=p1 $PY -S runner.py; echo "rc=$?"
