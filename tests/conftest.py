"""Shared test settings, and the accuracy figures printed at the end of the run."""

import matplotlib

matplotlib.use("Agg")

# Tests that measure accuracy against a gold file put their figures here; they are printed in
# the terminal summary so that every run reports them.
MEASURED: dict[str, str] = {}


def pytest_terminal_summary(terminalreporter):
    if MEASURED:
        terminalreporter.section("accuracy against the gold files")
        for name, value in MEASURED.items():
            terminalreporter.write_line(f"{name}: {value}")
