# Floating-point arithmetic in loops: an escape-time Mandelbrot grid and a
# small n-body style integration (float *, +, -, /, comparisons, sqrt via **0.5).
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0


def mandelbrot(size, max_iter):
    inside = 0
    iterations = 0
    for py in range(size):
        ci = 2.0 * py / size - 1.0
        for px in range(size):
            cr = 2.5 * px / size - 2.0
            zr = zi = 0.0
            k = 0
            while k < max_iter:
                zr2 = zr * zr
                zi2 = zi * zi
                if zr2 + zi2 > 4.0:
                    break
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                k += 1
            iterations += k
            if k == max_iter:
                inside += 1
    return inside, iterations


def orbit(steps):
    x, y, vx, vy = 1.0, 0.0, 0.0, 1.0
    dt = 0.001
    energy = 0.0
    for _ in range(steps):
        r2 = x * x + y * y
        inv_r3 = 1.0 / (r2 * r2 ** 0.5)
        vx -= x * inv_r3 * dt
        vy -= y * inv_r3 * dt
        x += vx * dt
        y += vy * dt
        energy += 0.5 * (vx * vx + vy * vy) - 1.0 / r2 ** 0.5
    return x, y, energy


size = max(4, int(420 * SCALE ** 0.5))
inside, iterations = mandelbrot(size, 60)
x, y, energy = orbit(max(1, int(2400000 * SCALE)))
print("checksum", inside, iterations, repr(x), repr(y), repr(energy))
