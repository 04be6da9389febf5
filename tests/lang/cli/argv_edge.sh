# sys.argv with unusual arguments: empty strings, spaces, unicode, dashes, options after the script name.
echo 'import sys; print(sys.argv[1:])' > a.py
$PY -S a.py '' ' ' 'é ✓' -c -m --; echo "rc=$?"
$PY -S a.py -S -u -X foo; echo "rc=$?"
$PY -S -c 'import sys; print(sys.argv)' '' -c x; echo "rc=$?"
$PY -S -c 'import sys; print(len(sys.argv), sys.argv[0])'; echo "rc=$?"
