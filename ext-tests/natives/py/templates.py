# PEP 750 templates (objects/template.rs): run on CPython 3.15 and on Carapace
# once `carapace` runs Python; the outputs must be identical.
from string.templatelib import Template, Interpolation

x = 1
t = t"a{x!r:>3}b{x}"
print(repr(t), t.strings, t.interpolations, t.values, list(t))
print(Template.__module__, Template.__qualname__, Interpolation.__match_args__)
i = t.interpolations[0]
print(repr(i), i.value, i.expression, i.conversion, i.format_spec)
print(repr(Template()), repr(Template("a", "b")), repr(Template(Interpolation(1, "x"), Interpolation(2, "y"))))
print(repr(t + t), repr(t + Template("z")))
print(i.__reduce__(), t.__reduce__()[1])
print(Template("a", "b", Interpolation(1, "x"), "c").strings, Template[int])
match i:
    case Interpolation(value, expression, conversion, spec):
        print("matched", value, expression, conversion, spec)
for expr in ['t + "s"', 'Template(1)', 'Interpolation()', 'Interpolation(1, 2)',
             'Interpolation(1, "x", "q")', 'Interpolation(1, "x", None, 3)', 'Template(strings=1)', 'len(t)']:
    try:
        print(expr, "->", repr(eval(expr)))
    except Exception as e:
        print(expr, "!", type(e).__name__, e)
