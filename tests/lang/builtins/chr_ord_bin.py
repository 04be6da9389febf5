# chr, ord, bin, oct, hex: ranges and error messages.
# Each line evaluates one expression and prints its repr, or the exception's type and message.
CASES = r'''
chr(65)
chr(0x1F600)
chr(0)
chr(0x10FFFF)
chr(0x110000)
chr(-1)
chr('a')
chr(65.0)
ord('A')
ord('é')
ord('\U0001F600')
ord('ab')
ord('')
ord(b'a')
ord(bytearray(b'z'))
ord(5)
bin(10)
bin(-10)
bin(0)
bin(2**70)
bin(1.5)
bin(True)
oct(8)
oct(-8)
hex(255)
hex(-255)
hex(2**64)
hex('a')
hex(0)
'''
env = {}
for src in CASES.strip().splitlines():
    try:
        r = repr(eval(src, env))
        print(src, '=>', r if ' at 0x' not in r else '<object with an address>')
    except Exception as e:
        print(src, '!!', type(e).__name__ + ':', e)
