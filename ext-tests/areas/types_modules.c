/* types: modules (PyModule_*, PyModuleDef, multi-phase, PEP 793, state) and
 * importing extension modules from sys.path. The modules are built from
 * types_modules_ext/ by run.sh into $AREA_EXT_DIR. */
#include "common.h"
#include <stdlib.h>
#include <string.h>
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

static const char *extdir;

/* Print an object with the extension directory replaced by <dir>. */
static void show_path(const char *label, PyObject *o)
{
    if (o == NULL) { show(label, NULL); return; }
    PyObject *r = PyObject_Repr(o);
    Py_DECREF(o);
    if (r == NULL) { show(label, NULL); return; }
    const char *s = u8(r);
    const char *at = strstr(s, extdir);
    if (at)
        printf("%s: %.*s<dir>%s\n", label, (int)(at - s), s, at + strlen(extdir));
    else
        printf("%s: %s\n", label, s);
    Py_DECREF(r);
}

static void show_import_error(const char *label)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL) { printf("%s: no exception\n", label); return; }
    PyObject *msg = PyObject_Str(exc);
    PyObject *tname = PyType_GetQualName(Py_TYPE(exc));
    printf("%s: !%s: ", label, tname ? u8(tname) : "?");
    Py_XDECREF(tname);
    PyErr_Clear();
    show_path("", msg);
    PyObject *name = PyObject_GetAttrString(exc, "name");
    PyErr_Clear();
    show_path("  name", name ? name : Py_NewRef(Py_None));
    PyObject *path = PyObject_GetAttrString(exc, "path");
    PyErr_Clear();
    show_path("  path", path ? path : Py_NewRef(Py_None));
    Py_DECREF(exc);
}

static void try_import(const char *name)
{
    char label[128];
    snprintf(label, sizeof label, "import_%s", name);
    PyObject *m = PyImport_ImportModule(name);
    if (m) show_path(label, m);
    else show_import_error(label);
}

static PyObject *f_noargs(PyObject *self, PyObject *u) { return PyUnicode_FromString("fn"); }
static int exec_count = 0;
static int my_exec(PyObject *m) { exec_count++; return PyModule_AddIntConstant(m, "X", 3); }
static PyObject *my_create(PyObject *spec, PyModuleDef *def)
{
    PyObject *n = PyObject_GetAttrString(spec, "name");
    if (!n) return NULL;
    PyObject *m = PyModule_NewObject(n);
    Py_DECREF(n);
    return m;
}
static PyObject *bad_create(PyObject *spec, PyModuleDef *def) { return NULL; }
static PyMethodDef mdefs[] = {{"fn", f_noargs, METH_NOARGS, "a function"}, {NULL, NULL, 0, NULL}};
static PyModuleDef_Slot dslots[] = {{Py_mod_create, my_create}, {Py_mod_exec, my_exec}, {0, NULL}};
static struct PyModuleDef ddef = {PyModuleDef_HEAD_INIT, "ddef", "def doc", 16, mdefs, dslots, NULL, NULL, NULL};
static PyModuleDef_Slot badslots[] = {{Py_mod_create, bad_create}, {0, NULL}};
static struct PyModuleDef baddef = {PyModuleDef_HEAD_INIT, "baddef", NULL, 0, NULL, badslots, NULL, NULL, NULL};
static PyModuleDef_Slot twocreate[] = {{Py_mod_create, my_create}, {Py_mod_create, my_create}, {0, NULL}};
static struct PyModuleDef twodef = {PyModuleDef_HEAD_INIT, "twodef", NULL, 0, NULL, twocreate, NULL, NULL, NULL};
static int failing_exec(PyObject *m) { return -1; }
static PyModuleDef_Slot failslots[] = {{Py_mod_exec, failing_exec}, {0, NULL}};
static struct PyModuleDef faildef = {PyModuleDef_HEAD_INIT, "faildef", NULL, 0, NULL, failslots, NULL, NULL, NULL};
static PyModuleDef_Slot gilslots[] = {{Py_mod_gil, Py_MOD_GIL_NOT_USED}, {Py_mod_gil, Py_MOD_GIL_USED}, {0, NULL}};
static struct PyModuleDef gildef = {PyModuleDef_HEAD_INIT, "gildef", NULL, 0, NULL, gilslots, NULL, NULL, NULL};
static PyModuleDef_Slot unkslots[] = {{777, NULL}, {0, NULL}};
static struct PyModuleDef unkdef = {PyModuleDef_HEAD_INIT, "unkdef", NULL, 0, NULL, unkslots, NULL, NULL, NULL};
static struct PyModuleDef single_def = {PyModuleDef_HEAD_INIT, "sdef", "sdoc", 8, mdefs, NULL, NULL, NULL, NULL};
static int tok;
PyABIInfo_VAR(abi_info);

int main(void)
{
    BEGIN();
    extdir = getenv("AREA_EXT_DIR");
    if (extdir == NULL) { printf("AREA_EXT_DIR not set\n"); return 1; }
    /* module objects */
    PyObject *m = PyModule_New("synthetic");
    show("new_repr", PyObject_Repr(m));
    show("getnameobject", PyModule_GetNameObject(m));
    printf("getname: %s\n", PyModule_GetName(m));
    show("getfilenameobject", PyModule_GetFilenameObject(m));
    show_int("getfilename_null", PyModule_GetFilename(m) == NULL);
    PyErr_Clear();
    show_int("getdict_is_dict", PyModule_GetDict(m) != NULL);
    show_int("getdef_null", PyModule_GetDef(m) == NULL && !PyErr_Occurred());
    show_int("getstate_null", PyModule_GetState(m) == NULL && !PyErr_Occurred());
    show_int("addint", PyModule_AddIntConstant(m, "A", 5));
    show_int("addstr", PyModule_AddStringConstant(m, "B", "bee"));
    show_int("addobject", PyModule_AddObject(m, "C", PyUnicode_FromString("see")));
    show_int("addobject_null", PyModule_AddObject(m, "D", NULL));
    show_int("addobjectref_null", PyModule_AddObjectRef(m, "D", NULL));
    show_int("add_null", PyModule_Add(m, "D", NULL));
    show_int("addobjectref_notmodule", PyModule_AddObjectRef(Py_None, "D", Py_None));
    show_int("add", PyModule_Add(m, "E", PyLong_FromLong(9)));
    show_int("addtype", PyModule_AddType(m, &PyLong_Type));
    show("get_A", PyObject_GetAttrString(m, "A"));
    show("get_int", PyObject_GetAttrString(m, "int"));
    show_int("setdoc", PyModule_SetDocString(m, "the doc"));
    show("doc", PyObject_GetAttrString(m, "__doc__"));
    show_int("addfunctions", PyModule_AddFunctions(m, mdefs));
    show("fn", PyObject_CallMethod(m, "fn", NULL));
    show("fn_module", PyObject_GetAttrString(PyObject_GetAttrString(m, "fn"), "__module__"));
    show("fn_self", PyObject_GetAttrString(PyObject_GetAttrString(m, "fn"), "__self__"));
    show("getnameobject_notmodule", PyModule_GetNameObject(Py_None));
    show("getfilename_notmodule", PyModule_GetFilenameObject(Py_None));
    show_int("getdef_notmodule", PyModule_GetDef(Py_None) == NULL);
    show("", NULL);
    show_int("getstate_notmodule", PyModule_GetState(Py_None) == NULL);
    show("", NULL);
    show("newobject", PyModule_NewObject(PyUnicode_FromString("by_obj")));
    Py_DECREF(m);
    /* single-phase by hand */
    m = PyModule_Create(&single_def);
    show("create_repr", m ? PyObject_Repr(m) : NULL);
    show("create_doc", PyObject_GetAttrString(m, "__doc__"));
    show_int("create_state", PyModule_GetState(m) != NULL);
    show_int("create_def", PyModule_GetDef(m) == &single_def);
    show_int("findmodule_before", PyState_FindModule(&single_def) == NULL);
    show_int("addmodule", PyState_AddModule(m, &single_def));
    show_int("findmodule_after", PyState_FindModule(&single_def) == m);
    show_int("removemodule", PyState_RemoveModule(&single_def));
    show_int("findmodule_removed", PyState_FindModule(&single_def) == NULL);
    show("create_with_slots", PyModule_Create(&ddef));
    Py_XDECREF(m);
    /* multi-phase by hand */
    PyObject *spec = PyModule_New("spec");
    PyObject_SetAttrString(spec, "name", PyUnicode_FromString("ddef_mod"));
    PyObject *dm = PyModule_FromDefAndSpec(&ddef, spec);
    show("fromdef_repr", dm ? PyObject_Repr(dm) : NULL);
    show_int("fromdef_state", dm && PyModule_GetState(dm) != NULL);
    show_int("fromdef_exec_before", exec_count);
    show_int("execdef", dm ? PyModule_ExecDef(dm, &ddef) : -9);
    show_int("fromdef_exec_after", exec_count);
    show("fromdef_X", PyObject_GetAttrString(dm, "X"));
    show("fromdef_doc", PyObject_GetAttrString(dm, "__doc__"));
    show("fromdef_fn", PyObject_CallMethod(dm, "fn", NULL));
    show_int("fromdef_findmodule_null", PyState_FindModule(&ddef) == NULL);
    show_int("fromdef_getdef", PyModule_GetDef(dm) == &ddef);
    {
        Py_ssize_t sz = -1;
        show_int("getstatesize", PyModule_GetStateSize(dm, &sz));
        show_int("statesize", (long)sz);
        void *t = NULL;
        show_int("gettoken", PyModule_GetToken(dm, &t));
        show_int("token_is_def", t == &ddef);
    }
    Py_XDECREF(dm);
    {
        PyObject *m2 = PyModule_New("m2");
        show_int("execdef_fail", PyModule_ExecDef(m2, &faildef));
        Py_DECREF(m2);
    }
    show("fromdef_badcreate", PyModule_FromDefAndSpec(&baddef, spec));
    show("fromdef_twocreate", PyModule_FromDefAndSpec(&twodef, spec));
    show("fromdef_twogil", PyModule_FromDefAndSpec(&gildef, spec));
    show("fromdef_unknown", PyModule_FromDefAndSpec(&unkdef, spec));
    /* PEP 793 by hand */
    {
        PySlot noabi[] = {PySlot_DATA(Py_mod_name, "ddef_mod"), PySlot_END};
        show("fromslots_noabi", PyModule_FromSlotsAndSpec(noabi, spec));
        PySlot slots[] = {
            PySlot_DATA(Py_mod_abi, &abi_info),
            PySlot_DATA(Py_mod_name, "ddef_mod"),
            PySlot_SIZE(Py_mod_state_size, 24),
            PySlot_STATIC_DATA(Py_mod_methods, mdefs),
            PySlot_FUNC(Py_mod_exec, my_exec),
            PySlot_DATA(Py_mod_token, &tok),
            PySlot_END,
        };
        PySlot nonstatic[] = {PySlot_DATA(Py_mod_abi, &abi_info), PySlot_DATA(Py_mod_name, "ddef_mod"), PySlot_DATA(Py_mod_methods, mdefs), PySlot_END};
        show("fromslots_methods_nonstatic", PyModule_FromSlotsAndSpec(nonstatic, spec));
        PyObject *sm = PyModule_FromSlotsAndSpec(slots, spec);
        if (sm == NULL) { show("fromslots_failed", NULL); return 1; }
        show("fromslots_repr", sm ? PyObject_Repr(sm) : NULL);
        int before = exec_count;
        show_int("fromslots_exec", sm ? PyModule_Exec(sm) : -9);
        show_int("fromslots_exec_ran", exec_count - before);
        show_int("fromslots_exec_again", sm ? PyModule_Exec(sm) : -9);
        show_int("fromslots_exec_ran_again", exec_count - before);
        Py_ssize_t sz = -1;
        show_int("fromslots_statesize_rc", PyModule_GetStateSize(sm, &sz));
        show_int("fromslots_statesize", (long)sz);
        void *t = NULL;
        show_int("fromslots_gettoken", PyModule_GetToken(sm, &t));
        show_int("fromslots_token", t == &tok);
        show_int("fromslots_def_null", PyModule_GetDef(sm) == NULL);
        show("fromslots_fn", PyObject_CallMethod(sm, "fn", NULL));
        Py_XDECREF(sm);
        PySlot bad[] = {PySlot_DATA(Py_mod_abi, &abi_info), PySlot_DATA(Py_tp_name, "x"), PySlot_END};
        show("fromslots_typeslot", PyModule_FromSlotsAndSpec(bad, spec));
        PySlot unk[] = {PySlot_DATA(Py_mod_abi, &abi_info), {.sl_id = 300, .sl_ptr = NULL}, PySlot_END};
        show("fromslots_unknown", PyModule_FromSlotsAndSpec(unk, spec));
        PySlot opt[] = {PySlot_DATA(Py_mod_abi, &abi_info), {.sl_id = 300, .sl_flags = PySlot_OPTIONAL, .sl_ptr = NULL}, PySlot_END};
        PyObject *om = PyModule_FromSlotsAndSpec(opt, spec);
        show("fromslots_optional", om ? PyObject_Repr(om) : NULL);
        Py_XDECREF(om);
    }
    Py_DECREF(spec);
    {
        PyABIInfo infos[] = {
            {1, 0, PyABIInfo_STABLE, 0x030f0000, 0x030f0000},
            {2, 0, PyABIInfo_STABLE, 0, 0},
            {1, 0, PyABIInfo_STABLE, 0, 0x03100000},
            {1, 0, 0, 0, 0x030e0000},
            {1, 0, 0, 0, 0x030f0000},
            {1, 0, PyABIInfo_INTERNAL, 0, 0x030f0000},
            {1, 0, PyABIInfo_FREETHREADED, 0, 0x030f0000},
            {1, 0, PyABIInfo_GIL, 0, 0x030f0000},
            {1, 0, PyABIInfo_STABLE | PyABIInfo_FREETHREADING_AGNOSTIC, 0, 0x030f0000},
        };
        char label[32];
        for (size_t i = 0; i < sizeof infos / sizeof infos[0]; i++) {
            snprintf(label, sizeof label, "abiinfo_%zu", i);
            show_int(label, PyABIInfo_Check(&infos[i], "modname"));
        }
        show_int("abiinfo_null", PyABIInfo_Check(NULL, "modname"));
    }
    show_int("moduledef_init_same", PyModuleDef_Init(&unkdef) == (PyObject *)&unkdef);
    show_int("moduledef_type", Py_TYPE((PyObject *)&unkdef) == &PyModuleDef_Type);
    /* import */
    PyObject *path = PySys_GetObject("path");
    PyObject *d = PyUnicode_FromString(extdir);
    PyList_Append(path, d);
    Py_DECREF(d);
    show("import_sys", PyObject_Repr(PyImport_ImportModule("sys")));
    show_int("import_sys_same", PyImport_ImportModule("sys") == PySys_GetObject("modules") ? 0 : 1);
    try_import("single");
    PyObject *s = PyImport_ImportModule("single");
    if (s) {
        show("single_doc", PyObject_GetAttrString(s, "__doc__"));
        show("single_answer", PyObject_GetAttrString(s, "ANSWER"));
        show("single_tuple", PyObject_GetAttrString(s, "TUPLE"));
        show("single_hello", PyObject_CallMethod(s, "hello", NULL));
        show_int("single_me", PyObject_CallMethod(s, "me", NULL) == s);
        show("single_bump", PyObject_CallMethod(s, "bump", NULL));
        show("single_bump2", PyObject_CallMethod(s, "bump", NULL));
        show_path("single_file", PyModule_GetFilenameObject(s));
        show("single_name", PyObject_GetAttrString(s, "__name__"));
        show_int("single_cached", PyImport_ImportModule("single") == s);
        PyObject *md = PyImport_GetModuleDict();
        show_int("single_in_modules", PyDict_GetItemString(md, "single") == s);
        PyObject *n = PyUnicode_FromString("single");
        PyObject *g = PyImport_GetModule(n);
        show_int("getmodule", g == s);
        Py_XDECREF(g);
        show_int("import_obj", PyImport_Import(n) == s);
        Py_DECREF(n);
        show_int("findmodule_single", PyState_FindModule(PyModule_GetDef(s)) == s);
    }
    try_import("multi");
    PyObject *mm = PyImport_ImportModule("multi");
    if (mm) {
        show("multi_execs", PyObject_GetAttrString(mm, "EXECS"));
        show("multi_first", PyObject_GetAttrString(mm, "FIRST"));
        show("multi_name", PyObject_CallMethod(mm, "name", NULL));
        show("multi_doc", PyObject_GetAttrString(mm, "__doc__"));
        show_int("multi_findmodule_null", PyState_FindModule(PyModule_GetDef(mm)) == NULL);
        show_int("multi_cached", PyImport_ImportModule("multi") == mm);
    }
    try_import("export793");
    PyObject *em = PyImport_ImportModule("export793");
    if (em) {
        show("export_V", PyObject_GetAttrString(em, "V"));
        show("export_one", PyObject_CallMethod(em, "one", NULL));
        show("export_doc", PyObject_GetAttrString(em, "__doc__"));
        show_int("export_def_null", PyModule_GetDef(em) == NULL);
        void *t = NULL;
        PyModule_GetToken(em, &t);
        show_int("export_token_set", t != NULL);
    }
    try_import("failexec");
    try_import("noinit");
    try_import("nullinit");
    try_import("raiseinit");
    try_import("missing");
    try_import("no_such_module_xyz");
    try_import("no_such_pkg_xyz.sub");
    try_import("pkg");
    try_import("pkg.sub");
    try_import("pkg.nope");
    PyObject *pkg = PyImport_ImportModule("pkg");
    show_path("pkg_path", PyObject_GetAttrString(pkg, "__path__"));
    show("pkg_sub_attr", PyObject_GetAttrString(PyObject_GetAttrString(pkg, "sub"), "__name__"));
    try_import("nspkg.inner");
    PyObject *ns = PyImport_ImportModule("nspkg");
    show("nspkg_name", PyObject_GetAttrString(ns, "__name__"));
    show_path("level_abs", (PyImport_ImportModuleLevel("pkg.sub", NULL, NULL, NULL, 0)));
    PyObject *fl = Py_BuildValue("(s)", "x");
    show_path("level_fromlist", (PyImport_ImportModuleLevel("pkg.sub", NULL, NULL, fl, 0)));
    show("level_negative", PyImport_ImportModuleLevel("pkg", NULL, NULL, NULL, -1));
    show("level_empty", PyImport_ImportModuleLevel("", NULL, NULL, NULL, 0));
    show("level_rel_noglobals", PyImport_ImportModuleLevel("sub", NULL, NULL, NULL, 1));
    PyObject *g = Py_BuildValue("{s:s}", "__package__", "pkg");
    show_path("level_rel", (PyImport_ImportModuleLevel("sub", g, NULL, fl, 1)));
    PyObject *g2 = Py_BuildValue("{s:s}", "__name__", "pkg.mod");
    show_path("level_rel_name", PyImport_ImportModuleLevel("sub", g2, NULL, fl, 1));
    PyObject *g3 = Py_BuildValue("{s:s}", "__name__", "toplevel");
    show("level_rel_noparent", PyImport_ImportModuleLevel("sub", g3, NULL, fl, 1));
    PyObject *g4 = Py_BuildValue("{s:i}", "__package__", 1);
    show("level_rel_badpackage", PyImport_ImportModuleLevel("sub", g4, NULL, fl, 1));
    show("level_rel_beyond", PyImport_ImportModuleLevel("sub", g, NULL, NULL, 3));
    PyObject *am = PyImport_AddModuleRef("added_mod");
    show("addmoduleref", am ? PyObject_Repr(am) : NULL);
    show_int("addmodule_same", PyImport_AddModule("added_mod") == am);
    show_int("addmoduleobject_same", PyImport_AddModuleObject(PyUnicode_FromString("added_mod")) == am);
    show_int("import_added", PyImport_ImportModule("added_mod") == am);
    Py_XDECREF(am);
    show("import_nonstr", PyImport_Import(PyLong_FromLong(1)));
    show("import_empty", PyImport_ImportModule(""));
    END();
}
