/* math and math.integer against CPython 3.15: results, errors, edge cases. */
#include "natives.h"

static const char *unary[] = {
    "acos", "acosh", "asin", "asinh", "atan", "atanh", "cbrt", "ceil", "cos", "cosh",
    "degrees", "erf", "erfc", "exp", "exp2", "expm1", "fabs", "floor", "gamma",
    "isfinite", "isinf", "isnan", "isnormal", "issubnormal", "lgamma", "log", "log10",
    "log1p", "log2", "modf", "frexp", "radians", "signbit", "sin", "sinh", "sqrt", "tan",
    "tanh", "trunc", "ulp", NULL};

static const char *values[] = {
    "-2.0", "-1.0", "-0.5", "-0.0", "0.0", "1e-310", "0.5", "1.0", "1.5", "2.0", "3.0",
    "10.0", "30.0", "171.5", "172.0", "-171.5", "-200.5", "250.0", "710.0", "1e300", "-1e300",
    "inf", "-inf", "nan", NULL};

int main(void)
{
    BEGIN();
    PyObject *m = import("math");
    show_dir("dir", m);
    show("pi", PyObject_GetAttrString(m, "pi"));
    show("e", PyObject_GetAttrString(m, "e"));
    show("tau", PyObject_GetAttrString(m, "tau"));
    show("inf", PyObject_GetAttrString(m, "inf"));
    show("nan", PyObject_GetAttrString(m, "nan"));
    show("integer", PyObject_GetAttrString(PyObject_GetAttrString(m, "integer"), "__name__"));
    show("gcd is integer.gcd", PyBool_FromLong(PyObject_GetAttrString(m, "gcd") ==
        PyObject_GetAttrString(PyObject_GetAttrString(m, "integer"), "gcd")));
    show("sqrt.__text_signature__", PyObject_GetAttrString(PyObject_GetAttrString(m, "sqrt"), "__text_signature__"));
    show("isclose.__text_signature__", PyObject_GetAttrString(PyObject_GetAttrString(m, "isclose"), "__text_signature__"));
    show("log.__text_signature__", PyObject_GetAttrString(PyObject_GetAttrString(m, "log"), "__text_signature__"));
    show("gcd.__module__", PyObject_GetAttrString(PyObject_GetAttrString(m, "gcd"), "__module__"));

    char label[128];
    for (const char **f = unary; *f; f++) {
        for (const char **v = values; *v; v++) {
            snprintf(label, sizeof label, "%s(%s)", *f, *v);
            PyObject *x = PyFloat_FromString(PyUnicode_FromString(*v));
            show(label, PyObject_CallMethod(m, *f, "(O)", x));
            Py_DECREF(x);
        }
        snprintf(label, sizeof label, "%s(int 7)", *f);
        CALL(label, m, *f, "(i)", 7);
        snprintf(label, sizeof label, "%s(int -3)", *f);
        CALL(label, m, *f, "(i)", -3);
        snprintf(label, sizeof label, "%s(10**400)", *f);
        show(label, PyObject_CallMethod(m, *f, "(N)", big("1" "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000")));
        snprintf(label, sizeof label, "%s('x')", *f);
        CALL(label, m, *f, "(s)", "x");
        snprintf(label, sizeof label, "%s()", *f);
        CALL(label, m, *f, "()");
        snprintf(label, sizeof label, "%s(True)", *f);
        CALL(label, m, *f, "(O)", Py_True);
    }

    CALL("atan2(1)", m, "atan2", "(i)", 1);
    CALL("atan2(-0.0,-1)", m, "atan2", "(di)", -0.0, -1);
    CALL("atan2(1,'x')", m, "atan2", "(is)", 1, "x");
    CALL("copysign(1,-0.0)", m, "copysign", "(id)", 1, -0.0);
    CALL("copysign(1)", m, "copysign", "(i)", 1);
    CALL("fmod(5,-3)", m, "fmod", "(ii)", 5, -3);
    CALL("fmod(1,0)", m, "fmod", "(ii)", 1, 0);
    CALL("fmod(inf,1)", m, "fmod", "(di)", Py_HUGE_VAL, 1);
    CALL("fmod(1,inf)", m, "fmod", "(id)", 1, Py_HUGE_VAL);
    CALL("remainder(5,3)", m, "remainder", "(ii)", 5, 3);
    CALL("remainder(1,0)", m, "remainder", "(ii)", 1, 0);
    CALL("remainder(inf,1)", m, "remainder", "(di)", Py_HUGE_VAL, 1);
    CALL("fmax(1,nan)", m, "fmax", "(id)", 1, Py_NAN);
    CALL("fmin(-0.0,0.0)", m, "fmin", "(dd)", -0.0, 0.0);
    CALL("fmax('a',1)", m, "fmax", "(si)", "a", 1);
    CALL("fma(2,3,4)", m, "fma", "(iii)", 2, 3, 4);
    CALL("fma(1e308,10,0)", m, "fma", "(dii)", 1e308, 10, 0);
    CALL("fma(nan,1,1)", m, "fma", "(dii)", Py_NAN, 1, 1);
    CALL("fma(inf,1,-inf)", m, "fma", "(did)", Py_HUGE_VAL, 1, -Py_HUGE_VAL);
    CALL("fma(0.1,10,-1)", m, "fma", "(dii)", 0.1, 10, -1);
    CALL("pow(2,0.5)", m, "pow", "(id)", 2, 0.5);
    CALL("pow(-8,1/3)", m, "pow", "(id)", -8, 1.0 / 3);
    CALL("pow(inf,-1)", m, "pow", "(di)", Py_HUGE_VAL, -1);
    CALL("pow(-inf,3)", m, "pow", "(di)", -Py_HUGE_VAL, 3);
    CALL("pow(-inf,-3)", m, "pow", "(di)", -Py_HUGE_VAL, -3);
    CALL("pow(-0.0,-1)", m, "pow", "(di)", -0.0, -1);
    CALL("pow(1e300,2)", m, "pow", "(di)", 1e300, 2);
    CALL("pow(0,0)", m, "pow", "(ii)", 0, 0);
    CALL("pow(nan,0)", m, "pow", "(di)", Py_NAN, 0);
    CALL("pow(1,nan)", m, "pow", "(id)", 1, Py_NAN);
    CALL("pow(0.5,inf)", m, "pow", "(dd)", 0.5, Py_HUGE_VAL);
    CALL("pow(2,-inf)", m, "pow", "(id)", 2, -Py_HUGE_VAL);
    CALL("pow(-1,inf)", m, "pow", "(id)", -1, Py_HUGE_VAL);
    CALL("ldexp(1.5,2)", m, "ldexp", "(di)", 1.5, 2);
    CALL("ldexp(1,-1100)", m, "ldexp", "(ii)", 1, -1100);
    CALL("ldexp(1,2.0)", m, "ldexp", "(id)", 1, 2.0);
    CALL("ldexp(1,10**30)", m, "ldexp", "(iN)", 1, big("1000000000000000000000000000000"));
    CALL("ldexp(-1,-10**30)", m, "ldexp", "(iN)", -1, big("-1000000000000000000000000000000"));
    CALL("ldexp(1,1024)", m, "ldexp", "(ii)", 1, 1024);
    CALL("log(8,2)", m, "log", "(ii)", 8, 2);
    CALL("log(100,10)", m, "log", "(ii)", 100, 10);
    CALL("log(2,1)", m, "log", "(ii)", 2, 1);
    CALL("log(1,0)", m, "log", "(ii)", 1, 0);
    CALL("log(2,0.0)", m, "log", "(id)", 2, 0.0);
    CALL("log(1,2,3)", m, "log", "(iii)", 1, 2, 3);
    CALL("log(10**1000,10)", m, "log", "(Ni)", PyNumber_Power(PyLong_FromLong(10), PyLong_FromLong(1000), Py_None), 10);
    CALL("log2(2**2000)", m, "log2", "(N)", PyNumber_Lshift(PyLong_FromLong(1), PyLong_FromLong(2000)));
    CALL("log(2**1023*3)", m, "log", "(N)", PyNumber_Multiply(PyNumber_Lshift(PyLong_FromLong(1), PyLong_FromLong(1023)), PyLong_FromLong(3)));
    CALL("log10(-10**400)", m, "log10", "(N)", PyNumber_Negative(PyNumber_Power(PyLong_FromLong(10), PyLong_FromLong(400), Py_None)));

    CALL("hypot()", m, "hypot", "()");
    CALL("hypot(3,4)", m, "hypot", "(ii)", 3, 4);
    CALL("hypot(3,4,12)", m, "hypot", "(iii)", 3, 4, 12);
    CALL("hypot(-5)", m, "hypot", "(i)", -5);
    CALL("hypot(1.1,2.2,3.3)", m, "hypot", "(ddd)", 1.1, 2.2, 3.3);
    CALL("hypot(1e308,1e308)", m, "hypot", "(dd)", 1e308, 1e308);
    CALL("hypot(5e-324,5e-324)", m, "hypot", "(dd)", 5e-324, 5e-324);
    CALL("hypot(inf,nan)", m, "hypot", "(dd)", Py_HUGE_VAL, Py_NAN);
    CALL("hypot(1,nan)", m, "hypot", "(id)", 1, Py_NAN);
    CALL("hypot(1,'a')", m, "hypot", "(is)", 1, "a");
    CALL("dist((1,2),(4,6))", m, "dist", "((ii)(ii))", 1, 2, 4, 6);
    CALL("dist([0.1,0.2],[0.3,0.7])", m, "dist", "([dd][dd])", 0.1, 0.2, 0.3, 0.7);
    CALL("dist([1],[1,2])", m, "dist", "([i][ii])", 1, 1, 2);
    CALL("dist(1,2)", m, "dist", "(ii)", 1, 2);
    CALL("dist((1e308,),(-1e308,))", m, "dist", "((d)(d))", 1e308, -1e308);
    CALL("fsum([0.1]*10)", m, "fsum", "([dddddddddd])", .1, .1, .1, .1, .1, .1, .1, .1, .1, .1);
    CALL("fsum([1e100,1,-1e100,1e-100])", m, "fsum", "([didd])", 1e100, 1, -1e100, 1e-100);
    CALL("fsum([1,1e-16,1e-16])", m, "fsum", "([idd])", 1, 1e-16, 1e-16);
    CALL("fsum([1e308,1e308])", m, "fsum", "([dd])", 1e308, 1e308);
    CALL("fsum([inf,-inf])", m, "fsum", "([dd])", Py_HUGE_VAL, -Py_HUGE_VAL);
    CALL("fsum([inf,nan])", m, "fsum", "([dd])", Py_HUGE_VAL, Py_NAN);
    CALL("fsum([inf,1e308,1e308])", m, "fsum", "([ddd])", Py_HUGE_VAL, 1e308, 1e308);
    CALL("fsum([])", m, "fsum", "([])");
    CALL("fsum('ab')", m, "fsum", "(s)", "ab");
    CALL("fsum(1)", m, "fsum", "(i)", 1);
    CALL("fsum(halfway)", m, "fsum", "([ddd])", 1.0, 1.1102230246251565e-16, 1e-300);
    CALL("sumprod([1,2],[3,4])", m, "sumprod", "([ii][ii])", 1, 2, 3, 4);
    CALL("sumprod([1.5,2],[3,4])", m, "sumprod", "([di][ii])", 1.5, 2, 3, 4);
    CALL("sumprod([],[])", m, "sumprod", "([][])");
    CALL("sumprod([0.1]*4,[1]*4)", m, "sumprod", "([dddd][iiii])", .1, .1, .1, .1, 1, 1, 1, 1);
    CALL("sumprod([1],[1,2])", m, "sumprod", "([i][ii])", 1, 1, 2);
    CALL("sumprod([1,'a'],[1,2])", m, "sumprod", "([is][ii])", 1, "a", 1, 2);
    CALL("sumprod(['a','b'],[2,3])", m, "sumprod", "([ss][ii])", "a", "b", 2, 3);
    CALL("sumprod([True,2],[True,3])", m, "sumprod", "([Oi][Oi])", Py_True, 2, Py_True, 3);
    CALL("sumprod(1,2)", m, "sumprod", "(ii)", 1, 2);
    CALL("prod([1,2,3])", m, "prod", "([iii])", 1, 2, 3);
    CALL("prod([])", m, "prod", "([])");
    CALL("prod(['a',2])", m, "prod", "([si])", "a", 2);
    CALL("prod([],3)", m, "prod", "([]i)", 3);
    show("prod([1,2,3], start=1.5)", mcallkw(m, "prod", Py_BuildValue("([iii])", 1, 2, 3), Py_BuildValue("{s:d}", "start", 1.5)));
    show("prod(start=2)", mcallkw(m, "prod", NULL, Py_BuildValue("{s:i}", "start", 2)));
    show("isclose(1,1.0000000001)", mcallkw(m, "isclose", Py_BuildValue("(id)", 1, 1.0000000001), NULL));
    show("isclose(1,1.1,rel_tol=0.2)", mcallkw(m, "isclose", Py_BuildValue("(id)", 1, 1.1), Py_BuildValue("{s:d}", "rel_tol", 0.2)));
    show("isclose(0,1e-10,abs_tol=1e-9)", mcallkw(m, "isclose", Py_BuildValue("(id)", 0, 1e-10), Py_BuildValue("{s:d}", "abs_tol", 1e-9)));
    show("isclose(1,2,rel_tol=-1)", mcallkw(m, "isclose", Py_BuildValue("(ii)", 1, 2), Py_BuildValue("{s:i}", "rel_tol", -1)));
    show("isclose(inf,inf)", mcallkw(m, "isclose", Py_BuildValue("(dd)", Py_HUGE_VAL, Py_HUGE_VAL), NULL));
    show("isclose(1,2,3)", mcallkw(m, "isclose", Py_BuildValue("(iii)", 1, 2, 3), NULL));
    show("isclose(1)", mcallkw(m, "isclose", Py_BuildValue("(i)", 1), NULL));
    show("isclose(a=1,b=1)", mcallkw(m, "isclose", NULL, Py_BuildValue("{s:i,s:i}", "a", 1, "b", 1)));
    show("isclose(1,2,foo=2)", mcallkw(m, "isclose", Py_BuildValue("(ii)", 1, 2), Py_BuildValue("{s:i}", "foo", 2)));
    show("isclose('a',1)", mcallkw(m, "isclose", Py_BuildValue("(si)", "a", 1), NULL));
    CALL("nextafter(1,2)", m, "nextafter", "(ii)", 1, 2);
    CALL("nextafter(0.0,-1)", m, "nextafter", "(di)", 0.0, -1);
    CALL("nextafter(1,2,3)", m, "nextafter", "(iii)", 1, 2, 3);
    show("nextafter(1.0,2.0,steps=3)", mcallkw(m, "nextafter", Py_BuildValue("(dd)", 1.0, 2.0), Py_BuildValue("{s:i}", "steps", 3)));
    show("nextafter(1,2,steps=10**30)", mcallkw(m, "nextafter", Py_BuildValue("(ii)", 1, 2), Py_BuildValue("{s:N}", "steps", big("1000000000000000000000000000000"))));
    show("nextafter(1,2,steps=-1)", mcallkw(m, "nextafter", Py_BuildValue("(ii)", 1, 2), Py_BuildValue("{s:i}", "steps", -1)));
    show("nextafter(1,2,steps=1.5)", mcallkw(m, "nextafter", Py_BuildValue("(ii)", 1, 2), Py_BuildValue("{s:d}", "steps", 1.5)));
    show("nextafter(5e-324,-1,steps=2)", mcallkw(m, "nextafter", Py_BuildValue("(di)", 5e-324, -1), Py_BuildValue("{s:i}", "steps", 2)));
    show("nextafter(-1.0,1.0,steps=0)", mcallkw(m, "nextafter", Py_BuildValue("(dd)", -1.0, 1.0), Py_BuildValue("{s:i}", "steps", 0)));
    show("nextafter(nan,1,steps=1)", mcallkw(m, "nextafter", Py_BuildValue("(di)", Py_NAN, 1), Py_BuildValue("{s:i}", "steps", 1)));
    show("nextafter(-inf,inf,steps=2)", mcallkw(m, "nextafter", Py_BuildValue("(dd)", -Py_HUGE_VAL, Py_HUGE_VAL), Py_BuildValue("{s:i}", "steps", 2)));

    /* math.integer */
    CALL("gcd()", m, "gcd", "()");
    CALL("gcd(-4,6,8)", m, "gcd", "(iii)", -4, 6, 8);
    CALL("gcd(0,-5)", m, "gcd", "(ii)", 0, -5);
    CALL("gcd(1.5)", m, "gcd", "(d)", 1.5);
    CALL("gcd(2**100,2**70*3)", m, "gcd", "(NN)", PyNumber_Lshift(PyLong_FromLong(1), PyLong_FromLong(100)), PyNumber_Lshift(PyLong_FromLong(3), PyLong_FromLong(70)));
    CALL("lcm()", m, "lcm", "()");
    CALL("lcm(4,6,0)", m, "lcm", "(iii)", 4, 6, 0);
    CALL("lcm(-4,6)", m, "lcm", "(ii)", -4, 6);
    CALL("lcm(2**100,3)", m, "lcm", "(Ni)", PyNumber_Lshift(PyLong_FromLong(1), PyLong_FromLong(100)), 3);
    CALL("lcm(True, 1.5)", m, "lcm", "(Od)", Py_True, 1.5);
    CALL("isqrt(0)", m, "isqrt", "(i)", 0);
    CALL("isqrt(99)", m, "isqrt", "(i)", 99);
    CALL("isqrt(10**40)", m, "isqrt", "(N)", big("10000000000000000000000000000000000000000"));
    CALL("isqrt(-1)", m, "isqrt", "(i)", -1);
    CALL("isqrt(1.0)", m, "isqrt", "(d)", 1.0);
    CALL("factorial(0)", m, "factorial", "(i)", 0);
    CALL("factorial(20)", m, "factorial", "(i)", 20);
    CALL("factorial(100)", m, "factorial", "(i)", 100);
    CALL("factorial(-1)", m, "factorial", "(i)", -1);
    CALL("factorial(1.5)", m, "factorial", "(d)", 1.5);
    CALL("factorial(10**30)", m, "factorial", "(N)", big("1000000000000000000000000000000"));
    CALL("factorial('x')", m, "factorial", "(s)", "x");
    CALL("comb(100,50)", m, "comb", "(ii)", 100, 50);
    CALL("comb(5,6)", m, "comb", "(ii)", 5, 6);
    CALL("comb(5,0)", m, "comb", "(ii)", 5, 0);
    CALL("comb(-1,2)", m, "comb", "(ii)", -1, 2);
    CALL("comb(5,-1)", m, "comb", "(ii)", 5, -1);
    CALL("comb(1.5,1)", m, "comb", "(di)", 1.5, 1);
    CALL("comb(10**30,10**20)", m, "comb", "(NN)", big("1000000000000000000000000000000"), big("100000000000000000000"));
    CALL("comb(10**30,2)", m, "comb", "(Ni)", big("1000000000000000000000000000000"), 2);
    CALL("comb(5)", m, "comb", "(i)", 5);
    CALL("perm(5)", m, "perm", "(i)", 5);
    CALL("perm(5,2)", m, "perm", "(ii)", 5, 2);
    CALL("perm(5,None)", m, "perm", "(iO)", 5, Py_None);
    CALL("perm(5,-1)", m, "perm", "(ii)", 5, -1);
    CALL("perm(3,5)", m, "perm", "(ii)", 3, 5);
    show("perm(5,k=2)", mcallkw(m, "perm", Py_BuildValue("(i)", 5), Py_BuildValue("{s:i}", "k", 2)));
    show("sqrt(x=1)", mcallkw(m, "sqrt", NULL, Py_BuildValue("{s:i}", "x", 1)));
    END();
}
