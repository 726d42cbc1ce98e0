"""Shared helpers: the repository's files and its Rust examples (for comparisons)."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_example(name, args=(), stdin=None):
    """Runs `cargo run --release --example NAME -- ARGS` at the repository's root and
    returns its standard output. CI builds the examples before the Python stage."""
    cargo = os.environ.get("CARGO", shutil.which("cargo"))
    if cargo is None:
        pytest.fail("cargo is needed to compare with the Rust examples")
    out = subprocess.run(
        [cargo, "run", "--quiet", "--release", "--example", name, "--", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        check=True,
        text=True,
    )
    return out.stdout


def jsonl(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="session")
def root():
    return ROOT
