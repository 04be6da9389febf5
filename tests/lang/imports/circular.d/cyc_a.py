print('cyc_a start')
A1 = 'a1'
import cyc_b
print('cyc_a sees', cyc_b.B1)
A2 = 'a2'
