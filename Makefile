# `make run` and `make test` each set themselves up on a fresh machine:
# they create .venv and install the project into it the first time.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# requirements.txt pins what Community Cloud runs; test with the same versions.
	$(BIN)/python -m pip install --quiet -r requirements.txt -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/streamlit run app.py --server.port 8501

test: $(STAMP)
	$(BIN)/ruff check .
	# The browser's exact solvers (live/, ES modules) in Node, then everything else.
	node --test live/tests/
	# The maths and AppTest tests on both cores; the real-browser tests after them, alone,
	# because each drives a Streamlit server and Chromium of its own and measures timing.
	$(BIN)/python -m pytest -m "not browser" -n 2
	$(BIN)/python -m pytest -m browser

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(STAMP)
	$(BIN)/python benchmarks/solver_speed.py
	$(BIN)/python benchmarks/how_often.py
	$(BIN)/python benchmarks/rerun.py
	$(BIN)/python benchmarks/live_solver_speed.py
	$(BIN)/python benchmarks/lasso_path.py
	$(BIN)/python benchmarks/training.py
	$(BIN)/python benchmarks/three_d.py
	$(BIN)/python benchmarks/real_data.py
	$(BIN)/python benchmarks/training_page.py
	$(BIN)/python benchmarks/three_weights_page.py
	$(BIN)/python benchmarks/live_drag.py
	# Real browsers against a local server (each prints, each bounds its own time):
	$(BIN)/python benchmarks/latency.py --quick
	$(BIN)/python benchmarks/first_visit.py --quick
	$(BIN)/python benchmarks/load.py --quick

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis tests/artifacts
