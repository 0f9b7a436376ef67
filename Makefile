# povertyplan: the two commands of the README, and a few helpers.
#   make run    create .venv from the pinned lock (if needed) and build the plan from data/raw/
#   make test   create .venv from the pinned lock (if needed) and run the whole test suite
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
CORES  ?= all
export PATH := $(CURDIR)/$(BIN):$(PATH)
export MPLBACKEND := Agg

.PHONY: run test venv lock generate bench lint clean scheduled report unlock

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip --isolated install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -c 'import sysconfig; open(sysconfig.get_paths()["purelib"] + "/povertyplan.pth", "w").write("$(CURDIR)/workflow\n")'
	$(BIN)/python -m ipykernel install --prefix $(VENV) --name python3 >/dev/null
	touch $@

run: venv
	$(BIN)/snakemake --profile profiles/default --cores $(CORES)

# Unattended run (cron, systemd): strict validation, a readable summary on stdout, and a
# non-zero exit when a row is rejected or a year does not finish.
scheduled: venv
	$(BIN)/snakemake --profile profiles/scheduled --cores $(CORES); \
	  run=$$?; $(BIN)/python -m povertyplan summary --results results; summary=$$?; \
	  if [ $$run -ne 0 ]; then exit $$run; fi; exit $$summary

test: venv
	$(BIN)/python -m pytest

generate: venv
	$(BIN)/python -m povertyplan_dev generate --out data/raw

bench: venv
	$(BIN)/python tests/benchmarks/bench_run.py --repeat 3

lint: venv
	$(BIN)/ruff check workflow tests
	$(BIN)/ruff format --check workflow tests
	$(BIN)/snakefmt --check Snakefile workflow/rules
	$(BIN)/snakemake --lint

# Snakemake's self-contained HTML report of the last run: figures, the plan table and the
# notebooks under categories, with captions (workflow/report/), the jobs and their timings.
report: venv
	$(BIN)/snakemake --profile profiles/default --report results/report.html

# After a run was killed (power cut, kill -9), Snakemake keeps its lock: remove it, only
# when no other run is going on in this folder.
unlock: venv
	$(BIN)/snakemake --profile profiles/default --unlock

lock:
	uv pip compile requirements.in --generate-hashes --python-version 3.11 \
	  --python-platform x86_64-manylinux_2_28 --no-header -o requirements.lock

clean:
	rm -rf results .snakemake
