from cyc_c import C
D = 'd'
