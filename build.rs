//! Builds `libpython3.15.so.1.0`:
//! - compiles the C shims (`shims/*.c`: the C-variadic entry points) and links them
//!   whole-archive, since a cdylib would otherwise drop the unreferenced objects;
//! - sets the SONAME embedders record (`-lpython3.15` → `libpython3.15.so.1.0`);
//! - passes a version script listing the symbols the manifest says Carapace
//!   exports (`abi/stable_abi.tsv`, last column "exported"; plus the extras that
//!   `abi/extra_exports.txt` and `abi/unstable.tsv` justify) so the C-defined ones
//!   are exported next to the Rust `#[no_mangle]` items.
//!   A version script cannot hide `#[no_mangle]` items; the export set is proven by
//!   `ext-tests/exports.sh` with `nm -D`, not by this script's intentions.

use std::fs;
use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());

    // The C shims.
    let mut shims: Vec<PathBuf> = fs::read_dir(root.join("shims"))
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "c"))
                .collect()
        })
        .unwrap_or_default();
    shims.sort();
    println!("cargo:rerun-if-changed=shims");
    if !shims.is_empty() {
        let mut b = cc::Build::new();
        b.files(&shims)
            .std("c11")
            .warnings(true)
            .extra_warnings(true)
            .flag("-Werror")
            .pic(true);
        b.cargo_metadata(false).compile("carapace_shims");
        println!("cargo:rustc-link-search=native={}", out.display());
        println!("cargo:rustc-link-arg=-Wl,--whole-archive");
        println!(
            "cargo:rustc-link-arg={}",
            out.join("libcarapace_shims.a").display()
        );
        println!("cargo:rustc-link-arg=-Wl,--no-whole-archive");
    }

    // Exported symbols defined in C: rustc's own version script exports the Rust
    // `#[no_mangle]` items and hides everything else, so the shims' manifest symbols
    // (and the ones `abi/extra_exports.txt` justifies) are listed here. rust-lld
    // refuses undefined names in a version script, so only what the archive
    // defines is listed (read back with `nm`).
    println!("cargo:rerun-if-changed=abi/stable_abi.tsv");
    println!("cargo:rerun-if-changed=abi/extra_exports.txt");
    println!("cargo:rerun-if-changed=abi/unstable.tsv");
    let manifest = fs::read_to_string(root.join("abi/stable_abi.tsv")).expect("abi/stable_abi.tsv");
    // The last column of the manifest says what Carapace exports ("exported");
    // abi/extra_exports.txt and abi/unstable.tsv add the justified extras.
    let mut wanted: std::collections::HashSet<String> = manifest
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f.len() > 8 && f[8] == "exported").then(|| f[1].to_string())
        })
        .collect();
    if let Ok(extra) = fs::read_to_string(root.join("abi/extra_exports.txt")) {
        wanted.extend(
            extra
                .lines()
                .map(|l| l.split('#').next().unwrap().trim())
                .filter(|l| !l.is_empty())
                .map(String::from),
        );
    }
    if let Ok(unstable) = fs::read_to_string(root.join("abi/unstable.tsv")) {
        wanted.extend(
            unstable
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split_once('\t'))
                .filter(|(_, state)| state.starts_with("exported"))
                .map(|(name, _)| name.to_string()),
        );
    }
    let mut from_c: Vec<String> = Vec::new();
    if !shims.is_empty() {
        let nm = std::process::Command::new("nm")
            .args(["--defined-only", "-g", "--format=just-symbols"])
            .arg(out.join("libcarapace_shims.a"))
            .output()
            .expect("nm");
        for sym in String::from_utf8_lossy(&nm.stdout).lines() {
            if wanted.contains(sym) {
                from_c.push(sym.to_string());
            }
        }
    }
    from_c.sort();
    from_c.dedup();
    if !from_c.is_empty() {
        let mut script = String::from("{\n  global:\n");
        for n in &from_c {
            script.push_str(&format!("    {n};\n"));
        }
        script.push_str("};\n");
        let vs = out.join("exports.map");
        fs::write(&vs, script).unwrap();
        println!(
            "cargo:rustc-cdylib-link-arg=-Wl,--version-script={}",
            vs.display()
        );
    }
    println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libpython3.15.so.1.0");
}
