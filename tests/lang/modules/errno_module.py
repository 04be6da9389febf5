# errno: constants, errorcode table, mapping onto OSError subclasses.
import errno
for name in ['EPERM', 'ENOENT', 'ESRCH', 'EINTR', 'EIO', 'EBADF', 'EAGAIN', 'ENOMEM', 'EACCES', 'EEXIST', 'ENOTDIR', 'EISDIR',
             'EINVAL', 'EPIPE', 'ERANGE', 'EDOM', 'ENOSYS', 'ETIMEDOUT', 'ECONNREFUSED', 'ECONNRESET', 'EWOULDBLOCK', 'ECHILD', 'EINPROGRESS']:
    v = getattr(errno, name)
    print(name, v, errno.errorcode[v] if name != 'EWOULDBLOCK' else errno.errorcode[v] in ('EAGAIN', 'EWOULDBLOCK'), type(OSError(v, 'm')).__name__)
print(type(errno.errorcode).__name__, len(errno.errorcode) > 100, errno.EWOULDBLOCK == errno.EAGAIN)
print(str(OSError(errno.ENOENT, 'No such file or directory', 'f.txt')))
e = OSError(errno.EACCES, 'Permission denied')
print(type(e).__name__, e.errno, e.args)
print(isinstance(OSError(errno.ECHILD, 'x'), ChildProcessError), isinstance(OSError(errno.EPIPE, 'x'), BrokenPipeError))
