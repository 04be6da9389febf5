print('cyc_b start')
import cyc_a
print('cyc_b sees partial cyc_a:', cyc_a.A1, hasattr(cyc_a, 'A2'))
B1 = 'b1'
