# Circular imports: partially initialised modules are visible; `from` on one fails with a clear message.
import sys
sys.path.insert(0, sys.argv[1])
import cyc_a
print(cyc_a.A2, cyc_a.cyc_b.B1)
try:
    import cyc_c
except ImportError as e:
    print('ImportError', str(e).replace(sys.argv[1], '<scratch>'))
print('cyc_c' in sys.modules, 'cyc_d' in sys.modules)
