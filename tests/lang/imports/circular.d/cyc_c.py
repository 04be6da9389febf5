from cyc_d import D
C = 'c'
