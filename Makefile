# news-facts: raw articles (SEEDS) → normalized → facts → validated → exported dataset (OUT) → site/.
# Targets are the files they build; stamps in $(OUT)/.make record when a stage last succeeded.
# `make` twice does nothing the second time; touching one article re-extracts only that article.

SEEDS ?= seeds
OUT ?= out
SHARED ?= ../shared
# licence of the published data (see pipeline/export/licenses.ts)
LICENSE_ID ?= CC-BY-4.0

TSX := node_modules/.bin/tsx
# run through its #! line, which sizes the main thread's young generation (see the file)
CLI := bin/news-facts.mjs
MK := $(OUT)/.make
INSTALLED := node_modules/.installed

SOURCES := $(shell find $(SEEDS) -type f \( -name '*.txt' -o -name '*.md' \) 2>/dev/null | LC_ALL=C sort)
SHARED_CODE := pipeline/records.ts $(wildcard pipeline/shared/*.ts) package-lock.json
NORMALIZE_CODE := $(wildcard pipeline/normalize/*.ts) $(SHARED_CODE)
EXTRACT_CODE := $(shell find pipeline/extract -type f ! -name '*.md' ! -name '*.test.ts' 2>/dev/null) $(NORMALIZE_CODE)
VALIDATE_CODE := $(wildcard pipeline/validate/*.ts schemas/*.json) $(SHARED_CODE)
EXPORT_CODE := $(wildcard pipeline/export/*.ts schemas/*.jsonld) $(SHARED_CODE)
SITE_CODE := $(wildcard pipeline/site/*.ts) $(SHARED_CODE)

# A failing stage records the failure and lets the other articles go on; `all` then exits non-zero.
FAILED := $(MK)/failed
define note_failure
{ echo "$(1) failed for some articles (see the errors above)" >> $(FAILED); }
endef

.PHONY: all normalize extract validate export site test lint typecheck clean model clusters schemas docs eval bench FORCE

all: site
	@if [ -s $(FAILED) ]; then cat $(FAILED) >&2; rm -f $(FAILED); exit 1; fi

$(INSTALLED): package-lock.json native/malloc-trim/malloc_trim.c native/malloc-trim/binding.gyp
	npm ci --no-audit --no-fund
	@touch $@

# The list of inputs, rewritten only when it changes, so a deleted article is noticed too.
$(MK)/sources: FORCE
	@mkdir -p $(MK)
	@printf '%s\n' $(SOURCES) > $@.tmp; if cmp -s $@.tmp $@; then rm $@.tmp; else mv $@.tmp $@; fi

# normalize is cheap: it reads every input in one process and rewrites only outputs that changed.
$(MK)/normalize: $(MK)/sources $(SOURCES) $(NORMALIZE_CODE) | $(INSTALLED)
	@$(CLI) normalize $(SEEDS) --out $(OUT) && touch $@ || $(call note_failure,normalize)

normalize: $(MK)/normalize

# The later stages depend on files normalize writes, so they are planned by a second make run
# that sees those files.
extract validate export site: normalize
	@$(MAKE) --no-print-directory -f mk/stages.mk OUT=$(OUT) LICENSE_ID=$(LICENSE_ID) CLI='$(CLI)' MK=$(MK) FAILED=$(FAILED) \
	  EXTRACT_CODE='$(EXTRACT_CODE)' VALIDATE_CODE='$(VALIDATE_CODE)' EXPORT_CODE='$(EXPORT_CODE)' SITE_CODE='$(SITE_CODE)' $@

test: $(INSTALLED)
	$(TSX) scripts/generate.ts --check
	node_modules/.bin/tsc --noEmit
	node_modules/.bin/eslint --max-warnings 0 .
	node_modules/.bin/vitest run

typecheck: $(INSTALLED)
	node_modules/.bin/tsc --noEmit

lint: $(INSTALLED)
	node_modules/.bin/eslint --max-warnings 0 .

# Regenerates schemas/ (from pipeline/records.ts and the vocabularies), the README data dictionary
# and the NER's list of well-known organizations (from compromise's lexicon; see ner/MODEL.md).
schemas docs organizations: $(INSTALLED)
	$(TSX) scripts/generate.ts

NER_MODEL := pipeline/extract/ner/model
# Rebuilds the NER model from scratch: word clusters from unlabeled news text, then the tagger from
# CoNLL-2003 (research data in $(SHARED), never copied here). See pipeline/extract/ner/MODEL.md.
model: clusters
	$(TSX) pipeline/extract/ner/train.ts --train $(SHARED)/data/conll2003/train.txt \
	  --clusters $(NER_MODEL)/clusters.json.gz --out $(NER_MODEL)/ner.model.json.gz

clusters: $(INSTALLED)
	$(TSX) pipeline/extract/ner/clusters-build.ts --data $(SHARED)/data --out $(NER_MODEL)/clusters.json.gz

eval: $(INSTALLED)
	npm run eval

bench: $(INSTALLED)
	npm run bench

clean:
	rm -rf $(OUT)
