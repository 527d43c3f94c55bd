#!/bin/sh
# aduan-add --from whatsapp: the summary's counts are the same whether each
# message is shown (--messages), counted alone (a dry run), or counted in
# a group archived before: staff replies inside a citizen's run, system
# lines alone, filtered runs and joined messages.
. "${0%/*}/lib.sh"
preset
API="$FIX/whatsapp/WhatsApp Chat with RT 05 Api-Api.txt"
aduan config intake.staff "Rahmat Hidayat, 0813-0000-9999"

summary() { grep "messages read" err | sed "s/.*: \\([0-9]* messages read\\)/\\1/; s/to add/added/"; }

run aduan-add --dry-run --messages --from whatsapp "$API"
is "$rc" 0 "a dry run showing each message"
shown=$(summary)
like err '3 staff' "its staff counted"
run aduan-add --dry-run --from whatsapp "$API"
is "$(summary)" "$shown" "a dry run counting alone: the same summary"
run aduan-add --dry-run --join 0 --messages --from whatsapp "$API"
shown=$(summary)
run aduan-add --dry-run --join 0 --from whatsapp "$API"
is "$(summary)" "$shown" "runs not joined: the same summary"
run aduan-add --from whatsapp "$API"
is "$rc" 0 "imported"
run aduan-add --dry-run --messages --from whatsapp "$API"
shown=$(summary)
like err '3 already present' "the complaints present the second time"
run aduan-add --from whatsapp "$API"
is "$(summary)" "$shown" "imported again (every group archived): the same summary"
done_testing
