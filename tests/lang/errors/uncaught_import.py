# An uncaught ModuleNotFoundError for a missing module.
# exit: 1
import this_module_is_not_anywhere
