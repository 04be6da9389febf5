//! The `carapace` command calls `Py_BytesMain` in the one runtime,
//! `libpython3.15.so.1.0`, found next to the executable or in `../lib` through an
//! `$ORIGIN` run path. Cargo cannot order a binary after a sibling cdylib, so the
//! link uses a stub library with the same SONAME, built here (never shipped): the
//! executable records `NEEDED libpython3.15.so.1.0` and binds to the real library
//! at run time.
use std::path::PathBuf;
use std::process::Command;

fn main() {
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let src = out.join("linkstub.c");
    std::fs::write(
        &src,
        "int Py_BytesMain(int argc, char **argv) { (void)argc; (void)argv; return 1; }\n",
    )
    .unwrap();
    let compiler = cc::Build::new().get_compiler();
    let status = Command::new(compiler.path())
        .args(["-shared", "-fPIC", "-Wl,-soname,libpython3.15.so.1.0", "-o"])
        .arg(out.join("libpython3.15.so"))
        .arg(&src)
        .status()
        .expect("cc");
    assert!(status.success(), "building the link stub failed");
    println!("cargo:rustc-link-search=native={}", out.display());
    println!("cargo:rustc-link-lib=dylib=python3.15");
    println!("cargo:rustc-link-arg=-Wl,-rpath,$ORIGIN:$ORIGIN/../lib");
}
