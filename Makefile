# AI cho cán bộ cơ sở — the two commands are `make run` and `make test`.
# Everything else here is what they need: system packages, the .venv, the local models.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEPLOY_STAMP := $(VENV)/.installed-deploy
# Debian packages the course and its tests use (browser tests, .docx→PDF, audio tools, PDF→image checks,
# fonts-liberation2: Liberation Mono, JupyterLab's code font, covers every Vietnamese letter; DejaVu Sans Mono,
# the default, lacks ố ấ ầ ẩ … and shows their marks detached).
APT_PACKAGES ?= chromium espeak-ng sox libreoffice-writer-nogui poppler-utils fonts-liberation2
PORT ?= 8888
START_PAGE ?= bat_dau.ipynb
PYTEST_ARGS ?=
# learner: nbgrader's instructor panels hidden (jupyter/learner); instructor: everything shown.
ROLE ?= learner
LEARNER_DIR ?= $(CURDIR)/.hoc_vien

.PHONY: run test setup system models lab-settings check lint bench notebooks clean help

help:
	@echo "make run   — cài đặt (lần đầu) rồi mở khoá học trong JupyterLab"
	@echo "make test  — cài đặt (lần đầu) rồi chạy toàn bộ kiểm thử"
	@echo "make run ROLE=instructor — mở cho giảng viên (hiện các bảng chấm bài của nbgrader)"

setup: $(STAMP) models lab-settings

# System packages: installed only when missing; apt-get update only when something is missing.
system:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  echo "Cài gói hệ thống:$$missing"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# The venv is rebuilt only when pyproject.toml changes. llama-cpp-python compiles from source (~6 min on
# 2 cores): its wheel is built once into the course's cache folder and installed from there afterwards.
# The build is portable (AVX2, no -march=native): a native build on a CPU with AMX keeps its AMX tile
# set-up per thread, and ONNX Runtime's int8 kernels (the legal search encoder) reconfigure the tiles on
# the same thread, after which Gemma printed garbage. The folder name carries the flags.
COURSE_CACHE ?= $(or $(COURSE_CACHE_DIR),$(HOME)/.cache/khoahoc)
LLAMA_PIN := $(shell sed -n 's/^ *"llama-cpp-python\(\[server\]\)\{0,1\}==\([0-9.]*\)".*/\2/p' pyproject.toml)
LLAMA_CMAKE := -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AVX512=OFF \
  -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF
WHEELS := $(COURSE_CACHE)/wheels/llama-$(LLAMA_PIN)-avx2

$(STAMP): pyproject.toml
	@$(MAKE) --no-print-directory system
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip setuptools wheel
	@mkdir -p $(WHEELS)
	@ls $(WHEELS)/llama_cpp_python-$(LLAMA_PIN)-*.whl >/dev/null 2>&1 || { echo "Biên dịch llama-cpp-python $(LLAMA_PIN) (một lần, vài phút)…"; \
	  CMAKE_ARGS="$(LLAMA_CMAKE)" CMAKE_BUILD_PARALLEL_LEVEL=$$(nproc) $(BIN)/python -m pip wheel -q --no-deps \
	    --no-cache-dir -w $(WHEELS) llama-cpp-python==$(LLAMA_PIN); }
	$(BIN)/python -m pip install -q --find-links $(WHEELS) -e '.[dev]'
	@touch $(STAMP)

# The class-server tests (issue: JupyterHub + AI gateway on loopback) need the `deploy` extra,
# configurable-http-proxy from npm (into deploy/.npm, git-ignored) and Redis. Only `make test` pulls them.
$(DEPLOY_STAMP): $(STAMP)
	@SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; missing=""; \
	command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	dpkg -s redis-server >/dev/null 2>&1 || missing="$$missing redis-server"; \
	if [ -n "$$missing" ]; then $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; fi
	$(BIN)/python -m pip install -q --find-links $(WHEELS) -e '.[dev,deploy]'
	npm install --silent --no-audit --no-fund --prefix deploy/.npm configurable-http-proxy@5
	@touch $(DEPLOY_STAMP)

models: $(STAMP)
	@$(BIN)/khoahoc prepare --quiet

# Vietnamese UI, no news pop-up, the course kernel preselected: JupyterLab settings overrides.
# Kernels: Python mistakes explained in Vietnamese from the first cell (jupyter/ipython_kernel_config.py).
# Code font and font sizes: JupyterLab applies theme overrides only from user settings (seed_user_settings.py).
lab-settings: $(STAMP)
	@mkdir -p $(VENV)/share/jupyter/lab/settings $(VENV)/etc/ipython
	@cp jupyter/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	@cp jupyter/ipython_kernel_config.py $(VENV)/etc/ipython/ipython_kernel_config.py
	@$(BIN)/python jupyter/seed_user_settings.py

# learner: JupyterLab's root is the learner's folder (LEARNER_DIR, git-ignored), filled by `khoahoc hoc-vien`
# with the start page, lectures, practices, apps and the released assignments only (no answer keys);
# files the learner changed are never overwritten. instructor: the whole repository.
run: setup
	@$(BIN)/khoahoc check || true
	@ROOTFLAG=""; [ "$$(id -u)" = 0 ] && ROOTFLAG=--allow-root; ROOT="$(CURDIR)"; \
	if [ "$(ROLE)" = learner ]; then export JUPYTER_CONFIG_PATH="$(CURDIR)/jupyter/learner" COURSE_APPS_URL_DIR=ung_dung; \
	  $(BIN)/khoahoc hoc-vien --dest "$(LEARNER_DIR)" || exit 1; ROOT="$(LEARNER_DIR)"; fi; \
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/jupyter lab $$ROOTFLAG --ServerApp.port=$(PORT) --ServerApp.ip=127.0.0.1 \
	  --ServerApp.root_dir="$$ROOT" --LabApp.default_url=/lab/tree/$(START_PAGE)

# pytest exit code 5 ("no tests collected") is a failure here, never a silent green.
test: setup $(DEPLOY_STAMP)
	@PATH="$(CURDIR)/$(BIN):$$PATH" COURSE_DEPLOY_TESTS=1 $(BIN)/python -m pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "Không tìm thấy bài kiểm thử nào — coi là lỗi."; exit 1; fi; exit $$rc

check: setup
	$(BIN)/khoahoc check

# Every generated notebook (and module 2's README) from its build script; tests check the committed ones.
notebooks: $(STAMP)
	@for f in $$($(BIN)/python -c "from course.notebook_builder import BUILD_SCRIPTS; print(*BUILD_SCRIPTS)"); do \
	  echo "== $$f"; $(BIN)/python $$f || exit 1; done

lint: $(STAMP)
	$(BIN)/ruff check .

bench: setup
	@for f in benchmarks/*.py; do echo "== $$f"; PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python $$f || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache
