# An uncaught user-defined exception with a custom __str__ and a module-qualified name.
# exit: 1
class AppError(Exception):
    def __str__(self):
        return 'custom message: ' + repr(self.args)
raise AppError(1, 'two')
