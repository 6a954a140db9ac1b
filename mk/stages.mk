# Second-phase plan for extract → validate → export → site (see Makefile): run after normalize, so the
# wildcard below sees the normalized articles that exist now.

NORMALIZED := $(wildcard $(OUT)/normalized/*.json)

define note_failure
{ echo "$(1) failed for some articles (see the errors above)" >> $(FAILED); }
endef

.PHONY: extract validate export site FORCE

# The set of normalized articles, rewritten only when it changes (an article removed).
$(MK)/normalized: FORCE
	@printf '%s\n' $(NORMALIZED) > $@.tmp; if cmp -s $@.tmp $@; then rm $@.tmp; else mv $@.tmp $@; fi

# Only the normalized files newer than the stamp are extracted, unless the extractor changed,
# then all of them. Arguments that are not normalized files only make extract prune.
$(MK)/extract: $(MK)/normalized $(NORMALIZED) $(EXTRACT_CODE)
	@$(CLI) extract --out $(OUT) $(if $(filter-out $(NORMALIZED) $(MK)/normalized,$?),$(NORMALIZED),$?) \
	  && touch $@ || $(call note_failure,extract)

$(MK)/validate: $(MK)/extract $(VALIDATE_CODE)
	@$(CLI) validate --out $(OUT) && touch $@ || $(call note_failure,validate)

$(MK)/export: $(MK)/validate $(EXPORT_CODE)
	@$(CLI) export --out $(OUT) --license $(LICENSE_ID) && touch $@ || $(call note_failure,export)

# The HTML fact sheets (site/) are a view of the exported dataset: rebuilt after each export.
$(MK)/site: $(MK)/export $(SITE_CODE)
	@$(CLI) site --out $(OUT) && touch $@ || $(call note_failure,site)

extract: $(MK)/extract
validate: $(MK)/validate
export: $(MK)/export
site: $(MK)/site
