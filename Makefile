# Varsel — the commands a developer and CI use. `make help` lists them.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

GO ?= go
NPM ?= npm
FRONTEND := frontend
GENERATED := ent ent.graphql graph server/database/migrations $(FRONTEND)/src/gql

.PHONY: help
help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

.PHONY: run
run: frontend ## build the SPA and run Varsel in dev mode on http://localhost:8080
	$(GO) run ./cmd/varsel serve --dev

# The server's tests where goroutines meet: two decision makers at once, two processes sending,
# the rate limit's concurrent requests, a cancellation meeting the print batch.
RACE_SERVER_TESTS := ^(TestConcurrentDecisionsOneWins|TestTwoProcessesAndACrashSendEachNoticeOnce|TestOneAbusiveUserIsHeldBack|TestCancelWhileTheCorrectionIsInThePrintBatch)$$

.PHONY: test
test: ## the one test command (CI runs it): generated code, Go tests on SQLite and PostgreSQL, SPA tests, browser tests
	scripts/ensure-tools
	$(MAKE) generate-check
	$(GO) vet ./...
	scripts/with-postgres $(GO) test -race -count=1 -timeout 20m $$($(GO) list ./... | grep -vx 'varsel/server')
	# The server's integration tests (the model test at its full budget among them) without the
	# race detector, which makes them some eight times slower; its concurrency tests with it.
	scripts/with-postgres $(GO) test -count=1 -timeout 20m ./server/
	scripts/with-postgres $(GO) test -race -count=1 -timeout 20m -run '$(RACE_SERVER_TESTS)' ./server/
	$(NPM) --prefix $(FRONTEND) run typecheck
	$(NPM) --prefix $(FRONTEND) test
	$(MAKE) build
	$(NPM) --prefix $(FRONTEND) run e2e

.PHONY: bench
bench: ## seed a throw-away PostgreSQL at national scale and run the load benchmark (about seven minutes)
	scripts/bench

.PHONY: generate
generate: node_modules ## regenerate ent, gqlgen and the SPA's GraphQL types
	$(GO) generate ./...
	$(NPM) --prefix $(FRONTEND) run codegen

.PHONY: migrations
migrations: ## write a migration for ent/schema changes (NAME=what_changed)
	@test -n "$(NAME)" || { echo "usage: make migrations NAME=what_changed"; exit 1; }
	scripts/with-postgres $(GO) run ./server/database/generate "$(NAME)"

.PHONY: generate-check
generate-check: generate ## fail if generated code differs from what is committed
	@changes=$$(git status --porcelain -- $(GENERATED)); \
	if [[ -n "$$changes" ]]; then \
	  echo "generated code is out of date; run make generate (and make migrations) and commit:"; \
	  echo "$$changes"; exit 1; \
	fi

.PHONY: node_modules
node_modules: $(FRONTEND)/node_modules/.installed

$(FRONTEND)/node_modules/.installed: $(FRONTEND)/package.json $(FRONTEND)/package-lock.json
	$(NPM) --prefix $(FRONTEND) ci --no-audit --no-fund
	touch $@

.PHONY: frontend
frontend: node_modules ## build the SPA into frontend/dist
	$(NPM) --prefix $(FRONTEND) run build

.PHONY: build
build: frontend ## build the SPA and bin/varsel
	$(GO) build -o bin/varsel ./cmd/varsel

.PHONY: clean
clean: ## remove build output
	rm -rf bin $(FRONTEND)/dist
