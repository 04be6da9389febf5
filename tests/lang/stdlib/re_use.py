# needs: re
# Regular expressions as commonly used by packages.
import re
m = re.match(r'(\w+)-(\d+)', 'item-42 rest')
print(m.group(0), m.groups(), m.span(), m.group(2))
print(re.findall(r'\d+', 'a1b22c333'), re.sub(r'\s+', ' ', 'a   b \t c'), re.split(r'[,;]', 'a,b;c'))
print(re.fullmatch(r'[a-z]+', 'abc') is not None, re.search(r'(?P<word>b\w)', 'abc').group('word'))
try:
    re.compile('(')
except re.error as e:
    print('re.error', e)
