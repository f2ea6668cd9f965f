# Sourced by tools/train_default_model.sh and tools/gpu_train_session.sh: what a VARIANTS entry means.
# An entry is ID (the short-text variant ID-t96: trained on 64-128 tokens, serves texts of <= 128)
# or ID@N (ID-tN: trained on N/2..N tokens, serves texts of <= N). The t96 name predates N.
variant_name() {  # SPEC -> the variant's id
  local id=${1%@*} n=${1#*@}
  if [ "$id" = "$1" ] || [ "$n" = 128 ]; then echo "$id-t96"; else echo "$id-t$n"; fi
}
variant_base() { echo "${1%@*}"; }                                         # SPEC -> the family's id
variant_serves() { [ "${1%@*}" = "$1" ] && echo 128 || echo "${1#*@}"; }   # SPEC -> serves_up_to
variant_min() { local n; n=$(variant_serves "$1"); echo $(( n == 128 ? 64 : n / 2 )); }  # shortest text it trains on
variant_lengths() { local n; n=$(variant_serves "$1"); [ "$n" = 128 ] && echo 96,128 || echo "96,128,$n"; }  # its eval cells
