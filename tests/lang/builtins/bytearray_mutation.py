# bytearray in-place mutation through statements: slice assignment, deletion, augmented ops, resize while exporting a buffer.
ba = bytearray(b'abcdef')
ba[0] = 90; print(ba)
ba[1:3] = b'XYZ'; print(ba)
ba[::2] = b'123'[:len(ba[::2])] if len(ba[::2]) == 3 else bytes(len(ba[::2])); print(ba)
del ba[0]; del ba[-2:]; print(ba)
ba += b'++'; ba *= 2; print(ba)
ba[2:2] = [1, 2]; print(ba)
for bad in ["ba[0] = 256", "ba[0] = b'x'", "ba[0:1] = 5", "ba[::2] = b''", "del ba[100]"]:
    try:
        exec(bad)
    except Exception as e:
        print(type(e).__name__, e)
view = memoryview(ba)
try:
    ba.append(1)
except BufferError as e:
    print('BufferError', e)
view.release()
ba.append(1); print(len(ba))
ba2 = bytearray(b'xyz'); ba2.reverse(); ba2.insert(1, 95); print(ba2, ba2.pop(0), ba2)
ba2.remove(95); print(ba2)
