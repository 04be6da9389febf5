//! The `carapace` command line (CPython's `Modules/main.c` and `Python/initconfig.c`):
//! options, environment variables, running a script, `-c`, `-m`, standard input,
//! the interactive prompt, and exit codes.
//!
//! `-V` prints "Python 3.15.2" as CPython 3.15.2 does (Carapace reports itself as
//! that version); `-VV` adds `sys.version`'s build part. Without a standard
//! library on `sys.path`, `site` cannot be found and the command behaves as with
//! `-S`.

use std::io::{Read, Write};
use std::sync::OnceLock;

use crate::compiler::Mode;
use crate::exported::*;
use crate::object::*;
use crate::objects::{dict, exceptions, module, sysmodule, unicode};

/// What to run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Run {
    Command(String),
    Module(String),
    File(String),
    Stdin,
}

/// The start-up configuration: options and environment variables, resolved.
#[derive(Clone, Debug)]
pub struct Config {
    pub program: String,
    pub orig_argv: Vec<String>,
    /// `sys.argv` (`argv[0]` for `-m` is replaced by the module's path).
    pub argv: Vec<String>,
    pub run: Run,
    pub inspect: bool,
    pub interactive: bool,
    pub optimize: i32,
    pub dont_write_bytecode: bool,
    pub no_user_site: bool,
    pub no_site: bool,
    pub ignore_environment: bool,
    pub verbose: i32,
    pub bytes_warning: i32,
    pub quiet: bool,
    pub isolated: bool,
    pub safe_path: bool,
    pub unbuffered: bool,
    pub skip_first_line: bool,
    pub dev_mode: bool,
    pub warnoptions: Vec<String>,
    pub xoptions: Vec<String>,
}

static CONFIG: OnceLock<Config> = OnceLock::new();

/// The command line's configuration, when the runtime was started by `Py_Main`.
pub fn config() -> Option<&'static Config> {
    CONFIG.get()
}

/// `sys.flags.optimize` (`-O`, `PYTHONOPTIMIZE`): 0 for an embedded runtime.
pub fn optimize_level() -> i32 {
    config().map_or(0, |c| c.optimize)
}

const USAGE_LINE: &str = "[option] ... [-c cmd | -m mod | file | -] [arg] ...";

const HELP: &str = "\
Options (and corresponding environment variables):
-b     : issue warnings about converting bytes/bytearray to str and comparing
         bytes/bytearray with str or bytes with int. (-bb: issue errors)
-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x
-c cmd : program passed in as string (terminates option list)
-d     : turn on parser debugging output (for experts only)
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script; forces a prompt even
         if stdin does not appear to be a terminal; also PYTHONINSPECT=x
-I     : isolate Python from the user's environment (implies -E, -P and -s)
-m mod : run library module as a script (terminates option list)
-O     : remove assert and __debug__-dependent statements; also PYTHONOPTIMIZE=x
-OO    : do -O changes and also discard docstrings
-P     : don't prepend a potentially unsafe path to sys.path; also
         PYTHONSAFEPATH
-q     : don't print version and copyright messages on interactive startup
-s     : don't add user site directory to sys.path; also PYTHONNOUSERSITE=x
-S     : don't imply 'import site' on initialization
-u     : force the stdout and stderr streams to be unbuffered;
         this option has no effect on stdin; also PYTHONUNBUFFERED=x
-v     : verbose (trace import statements); also PYTHONVERBOSE=x
-V     : print the Python version number and exit (also --version)
         when given twice, print more information about the build
-W arg : warning control; arg is action:message:category:module:lineno
         also PYTHONWARNINGS=arg
-x     : skip first line of source, allowing use of non-Unix forms of #!cmd
-X opt : set implementation-specific option

Arguments:
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
";

/// Why parsing the command line stopped early: the exit status to return.
struct Exit(i32);

fn usage_error(program: &str, msg: &str) -> Exit {
    eprintln!("{msg}");
    eprintln!("usage: {program} {USAGE_LINE}");
    eprintln!("Try `python -h' for more information.");
    Exit(2)
}

fn default_config(args: &[String]) -> Config {
    Config {
        program: args.first().cloned().unwrap_or_else(|| "carapace".into()),
        orig_argv: args.to_vec(),
        argv: Vec::new(),
        run: Run::Stdin,
        inspect: false,
        interactive: false,
        optimize: 0,
        dont_write_bytecode: false,
        no_user_site: false,
        no_site: false,
        ignore_environment: false,
        verbose: 0,
        bytes_warning: 0,
        quiet: false,
        isolated: false,
        safe_path: false,
        unbuffered: false,
        skip_first_line: false,
        dev_mode: false,
        warnoptions: Vec::new(),
        xoptions: Vec::new(),
    }
}

/// Parse the options as CPython does: single-letter flags may be grouped, `-c`,
/// `-m`, `-W` and `-X` take the rest of their word or the next word, and the
/// first non-option word (or `-c`/`-m`) ends the options.
fn parse_args(args: &[String]) -> Result<Config, Exit> {
    let mut c = default_config(args);
    let program = c.program.clone();
    let mut version = 0;
    let mut i = 1;
    let mut rest_from = args.len();
    'words: while i < args.len() {
        let a = &args[i];
        if a == "-" {
            c.run = Run::Stdin;
            rest_from = i;
            break;
        }
        if a == "--" {
            i += 1;
            if i < args.len() {
                c.run = Run::File(args[i].clone());
            }
            rest_from = i;
            break;
        }
        if !a.starts_with('-') {
            c.run = Run::File(a.clone());
            rest_from = i;
            break;
        }
        if let Some(long) = a.strip_prefix("--") {
            match long {
                "version" => version += 1,
                "help" | "help-all" | "help-env" | "help-xoptions" => {
                    print!("usage: {program} {USAGE_LINE}\n{HELP}");
                    return Err(Exit(0));
                }
                "check-hash-based-pycs" => i += 1,
                _ => return Err(usage_error(&program, &format!("unknown option {a}"))),
            }
            i += 1;
            continue;
        }
        let chars: Vec<char> = a[1..].chars().collect();
        let mut j = 0;
        while j < chars.len() {
            let opt = chars[j];
            j += 1;
            // Options taking an argument: the rest of this word, or the next word.
            if matches!(opt, 'c' | 'm' | 'W' | 'X') {
                let value: String = if j < chars.len() {
                    chars[j..].iter().collect()
                } else {
                    i += 1;
                    match args.get(i) {
                        Some(v) => v.clone(),
                        None => {
                            return Err(usage_error(
                                &program,
                                &format!("Argument expected for the -{opt} option"),
                            ))
                        }
                    }
                };
                match opt {
                    'c' => {
                        c.run = Run::Command(value);
                        rest_from = i;
                        break 'words;
                    }
                    'm' => {
                        c.run = Run::Module(value);
                        rest_from = i;
                        break 'words;
                    }
                    'W' => c.warnoptions.push(value),
                    _ => c.xoptions.push(value),
                }
                break;
            }
            match opt {
                'b' => c.bytes_warning += 1,
                'B' => c.dont_write_bytecode = true,
                'd' => {}
                'E' => c.ignore_environment = true,
                'h' | '?' => {
                    print!("usage: {program} {USAGE_LINE}\n{HELP}");
                    return Err(Exit(0));
                }
                'i' => {
                    c.inspect = true;
                    c.interactive = true;
                }
                'I' => {
                    c.isolated = true;
                    c.ignore_environment = true;
                    c.no_user_site = true;
                    c.safe_path = true;
                }
                'O' => c.optimize += 1,
                'P' => c.safe_path = true,
                'q' => c.quiet = true,
                'R' => {}
                's' => c.no_user_site = true,
                'S' => c.no_site = true,
                'u' => c.unbuffered = true,
                'v' => c.verbose += 1,
                'V' => version += 1,
                'x' => c.skip_first_line = true,
                _ => {
                    return Err(usage_error(&program, &format!("Unknown option: -{opt}")));
                }
            }
        }
        i += 1;
    }
    if version > 0 {
        if version == 1 {
            println!(
                "Python {}.{}.{}",
                crate::version::MAJOR,
                crate::version::MINOR,
                crate::version::MICRO
            );
        } else {
            println!("Python {}", crate::version::VERSION_STRING);
        }
        return Err(Exit(0));
    }
    c.argv = match &c.run {
        Run::Command(_) => std::iter::once("-c".to_string())
            .chain(args[rest_from + 1..].iter().cloned())
            .collect(),
        Run::Module(_) => std::iter::once("-m".to_string())
            .chain(args[rest_from + 1..].iter().cloned())
            .collect(),
        Run::File(_) => args[rest_from..].to_vec(),
        Run::Stdin if rest_from < args.len() => args[rest_from..].to_vec(),
        Run::Stdin => vec![String::new()],
    };
    if !c.ignore_environment {
        apply_environment(&mut c);
    }
    Ok(c)
}

/// The `PYTHON*` variables that set options (skipped with `-E`/`-I`).
fn apply_environment(c: &mut Config) {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    let level = |name: &str| -> i32 {
        match std::env::var(name) {
            Ok(v) if !v.is_empty() => v.parse::<i32>().map_or(1, |n| n.max(1)),
            _ => 0,
        }
    };
    c.unbuffered |= set("PYTHONUNBUFFERED");
    c.dont_write_bytecode |= set("PYTHONDONTWRITEBYTECODE");
    c.no_user_site |= set("PYTHONNOUSERSITE");
    c.safe_path |= set("PYTHONSAFEPATH");
    if set("PYTHONINSPECT") {
        c.inspect = true;
    }
    c.optimize = c.optimize.max(level("PYTHONOPTIMIZE"));
    c.verbose = c.verbose.max(level("PYTHONVERBOSE"));
    if let Ok(w) = std::env::var("PYTHONWARNINGS") {
        let env_opts: Vec<String> = w
            .split(',')
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        // Environment warnings come before the command line's.
        c.warnoptions.splice(0..0, env_opts);
    }
    c.dev_mode = set("PYTHONDEVMODE") || c.xoptions.iter().any(|x| x == "dev");
}

/// `Py_BytesMain`/`Py_Main`: run the command line; the process exit status.
pub unsafe fn main(args: Vec<String>) -> i32 {
    let config = match parse_args(&args) {
        Ok(c) => c,
        Err(Exit(code)) => return code,
    };
    crate::lifecycle::set_orig_argv(&args);
    {
        let mut w = sysmodule::PREINIT_WARNOPTIONS.lock().unwrap();
        w.extend(config.warnoptions.iter().cloned());
        let mut x = sysmodule::PREINIT_XOPTIONS.lock().unwrap();
        x.extend(config.xoptions.iter().cloned());
    }
    let _ = CONFIG.set(config);
    let config = CONFIG.get().expect("set above");
    if crate::lifecycle::initialize().is_err() {
        print_exception();
        return 1;
    }
    install_sigint_handler();
    let mut status = run(config);
    if crate::lifecycle::finalize() < 0 && status == 0 {
        status = 120;
    }
    if status == EXIT_SIGINT {
        exit_by_sigint();
    }
    status
}

/// The status meaning "an uncaught KeyboardInterrupt": the process then ends by
/// SIGINT, as CPython does, so that the shell sees 128+2.
const EXIT_SIGINT: i32 = -2;

unsafe fn exit_by_sigint() -> ! {
    let _ = std::io::stdout().flush();
    libc::signal(libc::SIGINT, libc::SIG_DFL);
    libc::kill(libc::getpid(), libc::SIGINT);
    libc::_exit(128 + libc::SIGINT)
}

extern "C" fn on_sigint(_sig: libc::c_int) {
    sysmodule::set_interrupt(libc::SIGINT);
}

/// Ctrl-C raises KeyboardInterrupt: the handler only marks the signal; the
/// interpreter raises it at its next check (`PyErr_CheckSignals`).
unsafe fn install_sigint_handler() {
    let mut sa: libc::sigaction = core::mem::zeroed();
    sa.sa_sigaction = on_sigint as *const () as usize;
    libc::sigemptyset(&mut sa.sa_mask);
    libc::sigaction(libc::SIGINT, &sa, core::ptr::null_mut());
}

/// Run what the configuration says; the exit status.
unsafe fn run(c: &Config) -> i32 {
    if !c.no_site && import_site().is_err() {
        print_exception();
        return 1;
    }
    let mut status = match &c.run {
        Run::Command(src) => {
            let r = run_source(&format!("{src}\n"), "<string>", None);
            finish(r)
        }
        Run::File(path) => run_file(c, path),
        Run::Module(name) => run_module(c, name),
        Run::Stdin if libc::isatty(0) == 1 => return interactive(c, true),
        Run::Stdin => {
            let mut src = Vec::new();
            let _ = std::io::stdin().read_to_end(&mut src);
            let r = run_source(&decode_source(&src, c.skip_first_line), "<stdin>", None);
            finish(r)
        }
    };
    if c.inspect && status != EXIT_SIGINT && !exiting_by_system_exit() {
        status = interactive(c, false);
    }
    status
}

thread_local! {
    /// Set when the status came from SystemExit (`-i` then does not prompt).
    static SYSTEM_EXIT: core::cell::Cell<bool> = const { core::cell::Cell::new(false) };
}

fn exiting_by_system_exit() -> bool {
    SYSTEM_EXIT.with(|s| s.get())
}

/// Import `site` when it exists on `sys.path` (a standard library is
/// installed); without one Carapace behaves as with `-S`.
unsafe fn import_site() -> PyResult<()> {
    if crate::import::find_source("site")?.is_none() {
        return Ok(());
    }
    let name = Owned(nonnull(unicode::from_str("site"))?);
    let m = crate::import::import(name.as_ptr());
    nonnull(m)?;
    Py_DECREF(m);
    Ok(())
}

/// Source bytes as text: a UTF-8 BOM is dropped; `-x` skips the first line.
fn decode_source(src: &[u8], skip_first_line: bool) -> String {
    let mut s = String::from_utf8_lossy(src.strip_prefix(b"\xef\xbb\xbf").unwrap_or(src));
    if skip_first_line {
        let cut = s.find('\n').map_or(s.len(), |p| p + 1);
        // Keep the newline count so that line numbers stay right.
        s = std::borrow::Cow::Owned(format!("\n{}", &s[cut..]));
    }
    s.into_owned()
}

/// The `__main__` module's dict (borrowed), with `__builtins__` set.
unsafe fn main_dict() -> PyResult<*mut PyObject> {
    let name = Owned(nonnull(unicode::from_str("__main__"))?);
    let m = nonnull(crate::import::add_module(name.as_ptr()))?;
    let d = module::m(m).md_dict;
    Py_DECREF(m);
    if dict::get_str(d, "__builtins__").is_null() {
        let b = dict::get_str((*crate::pystate::interp()).modules, "builtins");
        if !b.is_null() {
            dict::set_str(d, "__builtins__", b)?;
        }
    }
    Ok(d)
}

/// Compile and run `src` in `__main__`; `file` becomes `__file__`.
unsafe fn run_source(src: &str, filename: &str, file: Option<&str>) -> PyResult<()> {
    let d = main_dict()?;
    if let Some(f) = file {
        let s = Owned(nonnull(unicode::from_str(f))?);
        dict::set_str(d, "__file__", s.as_ptr())?;
    }
    let fname = Owned(nonnull(unicode::from_str(filename))?);
    let code = crate::objects::code::compile(src, fname.as_ptr(), Mode::Exec, 0, optimize_level());
    let code = Owned(nonnull(code)?);
    let r = crate::vm::eval_code(code.as_ptr(), d, d);
    Py_DECREF(nonnull(r)?);
    Ok(())
}

/// The exit status of a finished program: 0, or the uncaught exception's.
unsafe fn finish(r: PyResult<()>) -> i32 {
    match r {
        Ok(()) => {
            flush_stdout();
            0
        }
        Err(()) => print_exception(),
    }
}

unsafe fn flush_stdout() {
    let f = sysmodule::get_object("stdout");
    if !f.is_null() && f != none() {
        Py_INCREF(f);
        match crate::protocols::call::call_method(f, "flush", &[]) {
            Ok(r) => Py_DECREF(r),
            Err(()) => crate::errors::clear(),
        }
        Py_DECREF(f);
    }
}

unsafe fn is_instance_of(e: *mut PyObject, ty: *mut *mut PyObject) -> bool {
    crate::objects::typeobject::is_subtype(
        Py_TYPE(e),
        exceptions::exc(ty) as *mut crate::typeobj::PyTypeObject,
    )
}

/// Handle the raised exception as CPython's top level does: SystemExit gives
/// its code (printing a non-integer one), anything else goes through
/// `sys.excepthook` and gives 1. Returns the exit status.
pub unsafe fn print_exception() -> i32 {
    let e = crate::errors::take_raised();
    if e.is_null() {
        return 0;
    }
    let e = Owned(e);
    flush_stdout();
    if is_instance_of(e.as_ptr(), &raw mut PyExc_SystemExit) {
        SYSTEM_EXIT.with(|s| s.set(true));
        return system_exit_status(e.as_ptr());
    }
    let interrupted = is_instance_of(e.as_ptr(), &raw mut PyExc_KeyboardInterrupt);
    let ok = sysmodule::set_object("last_exc", e.as_ptr()).is_ok()
        && sysmodule::set_object("last_type", Py_TYPE(e.as_ptr()) as *mut PyObject).is_ok()
        && sysmodule::set_object("last_value", e.as_ptr()).is_ok();
    if !ok {
        crate::errors::clear();
    }
    sysmodule::call_excepthook(e.as_ptr());
    if interrupted {
        EXIT_SIGINT
    } else {
        1
    }
}

/// SystemExit's status: None → 0, an int → itself, else the object is printed
/// to stderr and the status is 1.
unsafe fn system_exit_status(e: *mut PyObject) -> i32 {
    let code = crate::protocols::object::get_attr_str(e, "code");
    if code.is_null() {
        crate::errors::clear();
        return 0;
    }
    let code = Owned(code);
    if code.as_ptr() == none() {
        return 0;
    }
    if crate::objects::long::is_long(code.as_ptr()) {
        return match crate::objects::long::to_i64(code.as_ptr()) {
            Some(v) => v as i32,
            None => {
                crate::errors::clear();
                -1
            }
        };
    }
    let s = crate::protocols::object::str(code.as_ptr());
    if s.is_null() {
        crate::errors::clear();
    } else {
        sysmodule::write_stderr(&format!("{}\n", unicode::to_string_lossy(s)));
        Py_DECREF(s);
    }
    1
}

unsafe fn run_file(c: &Config, path: &str) -> i32 {
    let src = match std::fs::read(path) {
        Ok(s) => s,
        Err(e) => {
            let shown = std::path::absolute(path)
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_else(|_| path.to_string());
            let code = e.raw_os_error().unwrap_or(0);
            let what = if std::path::Path::new(path).is_dir() {
                format!("can't find '__main__' module in '{path}'")
            } else {
                format!(
                    "can't open file '{shown}': [Errno {code}] {}",
                    crate::errors::strerror_text(code)
                )
            };
            eprintln!("{}: {what}", c.program);
            return 2;
        }
    };
    let r = run_source(&decode_source(&src, c.skip_first_line), path, Some(path));
    finish(r)
}

/// `-m name`: the module's source, run as `__main__` (a package runs its
/// `__main__` submodule); `sys.argv[0]` is the file's path.
unsafe fn run_module(c: &Config, name: &str) -> i32 {
    let found = match crate::import::find_source(name) {
        Ok(f) => f,
        Err(()) => return print_exception(),
    };
    let path = match found {
        Some(p) if p.file_name().is_some_and(|f| f == "__init__.py") => {
            let sub = format!("{name}.__main__");
            match crate::import::find_source(&sub) {
                Ok(Some(p)) => p,
                Ok(None) => {
                    eprintln!(
                        "{}: No module named {sub}; '{name}' is a package and cannot be directly executed",
                        c.program
                    );
                    return 1;
                }
                Err(()) => return print_exception(),
            }
        }
        Some(p) => p,
        None => {
            eprintln!("{}: No module named {name}", c.program);
            return 1;
        }
    };
    let path_s = path.to_string_lossy().into_owned();
    let argv0 = std::path::absolute(&path)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| path_s.clone());
    if set_argv0(&argv0).is_err() {
        return print_exception();
    }
    let src = match std::fs::read(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}: can't open file '{argv0}': {e}", c.program);
            return 2;
        }
    };
    let r = run_source(&decode_source(&src, false), &argv0, Some(&argv0));
    finish(r)
}

unsafe fn set_argv0(s: &str) -> PyResult<()> {
    let argv = sysmodule::get_object("argv");
    if argv.is_null() || !crate::objects::list::is_list(argv) {
        return Ok(());
    }
    let v = Owned(nonnull(unicode::from_str(s))?);
    crate::protocols::sequence::set_item(argv, 0, v.as_ptr())
}

// ---- the interactive prompt ---------------------------------------------------------------

/// Whether `src` (the lines typed so far) needs more lines before it can be
/// compiled: an open bracket or string, a trailing backslash, or a compound
/// statement whose block has not been closed by an empty line.
fn needs_more(src: &str) -> bool {
    let mut depth: i32 = 0;
    let mut quote: Option<(char, bool)> = None;
    let chars: Vec<char> = src.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let ch = chars[i];
        match quote {
            Some((q, triple)) => {
                if ch == '\\' {
                    i += 1;
                } else if ch == q {
                    if !triple {
                        quote = None;
                    } else if chars.get(i + 1) == Some(&q) && chars.get(i + 2) == Some(&q) {
                        quote = None;
                        i += 2;
                    }
                } else if ch == '\n' && !triple {
                    quote = None;
                }
            }
            None => match ch {
                '#' => {
                    while i < chars.len() && chars[i] != '\n' {
                        i += 1;
                    }
                    continue;
                }
                '\'' | '"' => {
                    let triple = chars.get(i + 1) == Some(&ch) && chars.get(i + 2) == Some(&ch);
                    quote = Some((ch, triple));
                    if triple {
                        i += 2;
                    }
                }
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth -= 1,
                _ => {}
            },
        }
        i += 1;
    }
    if quote.is_some_and(|(_, triple)| triple) || depth > 0 {
        return true;
    }
    let trimmed = src.trim_end_matches('\n');
    if trimmed.ends_with('\\') {
        return true;
    }
    let lines: Vec<&str> = trimmed.lines().collect();
    let first_compound = lines.first().is_some_and(|l| {
        let code = l.split('#').next().unwrap_or("").trim_end();
        code.ends_with(':') || l.starts_with('@')
    });
    // A compound statement ends with an empty line.
    first_compound && !src.ends_with("\n\n")
}

/// Write the prompt to stderr and read one line from `sys.stdin`; None at end
/// of input. KeyboardInterrupt (Ctrl-C while reading) is left raised: Err.
unsafe fn read_line(prompt: &str) -> PyResult<Option<String>> {
    flush_stdout();
    sysmodule::write_stderr(prompt);
    let stdin = sysmodule::get_object("stdin");
    if stdin.is_null() || stdin == none() {
        return Ok(None);
    }
    let stdin = Owned(new_ref(stdin));
    let line = Owned(crate::protocols::call::call_method(
        stdin.as_ptr(),
        "readline",
        &[],
    )?);
    let s = unicode::to_string_lossy(line.as_ptr());
    Ok((!s.is_empty()).then_some(s))
}

/// The prompt strings `sys.ps1`/`sys.ps2` (set at start when missing).
unsafe fn prompt(name: &str, default: &str) -> String {
    let p = sysmodule::get_object(name);
    if p.is_null() {
        if let Some(s) = Owned::from_new(unicode::from_str(default)) {
            let _ = sysmodule::set_object(name, s.as_ptr());
        }
        return default.to_string();
    }
    let s = crate::protocols::object::str(p);
    if s.is_null() {
        crate::errors::clear();
        return default.to_string();
    }
    let s = Owned(s);
    unicode::to_string_lossy(s.as_ptr())
}

/// The interactive loop (`PyRun_InteractiveLoop` on stdin): prompts on stderr,
/// one statement at a time compiled in "single" mode, results through
/// `sys.displayhook`, errors printed and the loop goes on; SystemExit and end of
/// input end it.
pub unsafe fn interactive(c: &Config, banner: bool) -> i32 {
    if banner && !c.quiet {
        eprintln!(
            "Python {} on linux\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.",
            crate::version::VERSION_STRING
        );
    }
    if main_dict().is_err() {
        return print_exception();
    }
    loop {
        let ps1 = prompt("ps1", ">>> ");
        let mut src = match read_line(&ps1) {
            Ok(Some(l)) => l,
            Ok(None) => {
                sysmodule::write_stderr("\n");
                return 0;
            }
            Err(()) => {
                sysmodule::write_stderr("\n");
                let _ = print_exception();
                continue;
            }
        };
        if src.trim().is_empty() {
            continue;
        }
        let mut interrupted = false;
        while needs_more(&src) {
            let ps2 = prompt("ps2", "... ");
            match read_line(&ps2) {
                Ok(Some(l)) => src.push_str(&l),
                Ok(None) => {
                    src.push('\n');
                    break;
                }
                Err(()) => {
                    interrupted = true;
                    break;
                }
            }
        }
        if interrupted {
            sysmodule::write_stderr("\n");
            let _ = print_exception();
            continue;
        }
        if run_interactive_one(&src).is_err() {
            let status = print_exception();
            if exiting_by_system_exit() {
                return status;
            }
        }
        flush_stdout();
    }
}

/// Compile one interactive statement and run it in `__main__`.
pub unsafe fn run_interactive_one(src: &str) -> PyResult<()> {
    let d = main_dict()?;
    let fname = Owned(nonnull(unicode::from_str("<stdin>"))?);
    let code =
        crate::objects::code::compile(src, fname.as_ptr(), Mode::Single, 0, optimize_level());
    let code = Owned(nonnull(code)?);
    let r = crate::vm::eval_code(code.as_ptr(), d, d);
    Py_DECREF(nonnull(r)?);
    Ok(())
}
