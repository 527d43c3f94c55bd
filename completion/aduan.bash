# aduan.bash - bash completion for aduan(1) and the aduan-* programs.
#
# Installed as share/bash-completion/completions/aduan with a link for each
# aduan-* program beside it, so that bash-completion loads it the first
# time any of them is completed; without bash-completion, source it from
# ~/.bashrc.  It needs nothing but bash itself.
#
# The options are those of each program's usage (cmd/*.c): keep both in
# step.  Agency codes, kelurahan names, categories, settings, holidays and
# rule numbers are asked of the database through aduan itself (never the
# sqlite3 shell), with the --db given earlier on the line if any.

_aduan_programs='aduan aduan-add aduan-list aduan-route aduan-close aduan-edit aduan-export'
_aduan_verbs='add list route close edit export init config agency kelurahan rule holiday
	template reply group undo purge help'

_aduan_opts_add='--db --by -q --quiet -c --channel -n --name -p --phone
	-k --kelurahan -r --rt -L --location --category --urgent --priority
	--anonymous --confidential --at --source --from --rejects --strict
	--dry-run --format --group --tz --date-order --all --match --join
	--messages -v --verbose --sheet --delimiter --map --take --help --version'
_aduan_opts_list='--db --status --agency --kelurahan --rt --channel --category
	--priority --since --until --overdue --search --reporter --format --header
	-f --fields -q --quiet -0 --null -l --long --count-by --public --lang --messages --left
	--taken --group --help --version'
_aduan_opts_route='--db --by --to --auto --explain --dry-run --suggest --note --at --message
	--link --mail --letter --list -o --output --personal --lang --help --version'
_aduan_opts_close='--db --by --resolution --duplicate-of --note --at --reopen --not-complaint
	--help --version'
_aduan_opts_edit='--db --by --kelurahan --rt --location --lat --lon --at-maps
	--category --priority --channel --source --name --phone --anonymous
	--confidential --received --body --note --dry-run --help --version'
_aduan_opts_export='--db --summary --report --week --since --until --by --excel --semicolon --sql
	-o --output --format --personal --subject --status --agency --kelurahan
	--rt --channel --category --priority --overdue --search --reporter --help
	--version'
_aduan_opts_init='--db --by --preset --replace --help'
_aduan_opts_config='--db --unset --help'
_aduan_opts_agency='--db --by --sla --contact --whatsapp --email --address --officer
	--title --help'
_aduan_opts_kelurahan='--db --code --alias --help'
_aduan_opts_rule='--db --category --set-category --priority --weight --at --help'
_aduan_opts_holiday='--db --help'
_aduan_opts_template='--db --by --lang --unset --help'
_aduan_opts_reply='--db --by --lang --help'
_aduan_opts_group='--db --by --kelurahan --rt --help'
_aduan_opts_undo='--db --by --list --help'
_aduan_opts_purge='--db --by --older-than --dry-run --help'

# Options whose value is the next word.
_aduan_args_add='--db --by -c --channel -n --name -p --phone -k --kelurahan
	-r --rt -L --location --category --priority --at --source --from --rejects
	--format --group --tz --date-order --match --join --sheet --delimiter --map'
_aduan_args_list='--db --status --agency --kelurahan --rt --channel --category
	--priority --since --until --search --reporter --format -f --fields --count-by --lang --group'
_aduan_args_route='--db --by --to --note --at -o --output --lang'
_aduan_args_close='--db --by --resolution --duplicate-of --note --at'
_aduan_args_edit='--db --by --kelurahan --rt --location --lat --lon --at-maps
	--category --priority --channel --source --name --phone --anonymous
	--confidential --received --body --note'
_aduan_args_export='--db --report --week --since --until --by -o --output --format
	--subject --status --agency --kelurahan --rt --channel --category --priority
	--search --reporter'
_aduan_args_admin='--db --by --preset --sla --contact --code --alias --category
	--set-category --priority --weight --at --older-than --whatsapp --email --address --officer
	--title --lang --kelurahan --rt'

_aduan_channels='whatsapp facebook instagram walk-in phone sms email letter web other'
_aduan_statuses='open routed closed'
_aduan_priorities='urgent normal low'
_aduan_resolutions='resolved rejected duplicate withdrawn'
_aduan_fields='id uid source_key received_at created_at channel source
	reporter_name reporter_phone anonymous confidential kelurahan rt location
	lat lon category body attachments priority status agency due_at closed_at
	resolution duplicate_of'
_aduan_summary_keys='kelurahan category agency channel status'

# _aduan_dequote WORD: REPLY = WORD as the shell will pass it (quotes and
# backslashes removed, a leading ~/ made $HOME/).  No expansion is run.
_aduan_dequote()
{
	local w=$1 c
	REPLY=
	case $w in
	\'*) w=${w#\'} REPLY=${w%\'} ;;
	\"*) w=${w#\"} REPLY=${w%\"} ;;
	*)
		while [[ -n $w ]]; do
			c=${w:0:1} w=${w:1}
			if [[ $c == \\ ]]; then
				c=${w:0:1} w=${w:1}
			fi
			REPLY+=$c
		done ;;
	esac
	[[ $REPLY == '~/'* ]] && REPLY=$HOME/${REPLY#'~/'}
	return 0
}

# _aduan_reply CUR WORD...: COMPREPLY = the WORDs that begin with what CUR
# says, quoted as the word was begun: behind backslashes, or inside the
# quote the user opened.
_aduan_reply()
{
	local cur=$1 q= w
	shift
	case $cur in \'*|\"*) q=${cur:0:1} ;; esac
	_aduan_dequote "$cur"
	cur=$REPLY
	COMPREPLY=()
	for w; do
		[[ $w == "$cur"* ]] || continue
		case $q in
		\')
			w=\'${w//\'/\'\\\'\'}\' ;;
		\")
			w=${w//\\/\\\\} w=${w//\$/\\\$} w=${w//\`/\\\`} w=${w//\"/\\\"}
			w=\"$w\" ;;
		*)
			printf -v w %q "$w" ;;
		esac
		COMPREPLY+=("$w")
	done
	return 0
}

# _aduan_reply_list CUR WORD...: the same for a comma-separated list, the
# last item completed and those already given left out.
_aduan_reply_list()
{
	local cur=$1 pre= w
	shift
	case $cur in *,*) pre=${cur%,*}, cur=${cur##*,} ;; esac
	COMPREPLY=()
	for w; do
		[[ ,$pre == *,"$w",* ]] && continue
		[[ $w == "$cur"* ]] && COMPREPLY+=("$pre$w")
	done
	[[ ${#COMPREPLY[@]} -eq 1 ]] && compopt -o nospace 2>/dev/null
	return 0
}

# _aduan_files CUR: file names.
_aduan_files()
{
	local IFS=$'\n'
	_aduan_dequote "$1"
	compopt -o filenames 2>/dev/null
	COMPREPLY=($(compgen -f -- "$REPLY"))
}

# _aduan_run ARG...: aduan's standard output (nothing on error), run from
# beside the program being completed when it was named with a path, and
# given the --db of the command line.
_aduan_run()
{
	local cmd=aduan w=${COMP_WORDS[0]}
	case $w in
	*/*)
		_aduan_dequote "${w%/*}"
		[[ -x $REPLY/aduan ]] && cmd=$REPLY/aduan ;;
	esac
	if [[ -n ${_aduan_db-} ]]; then
		"$cmd" "$@" --db="$_aduan_db" 2>/dev/null </dev/null
	else
		"$cmd" "$@" 2>/dev/null </dev/null
	fi
}

# _aduan_column N ARG...: field N of every line but the header of what
# 'aduan ARG...' prints, one per line in _aduan_col.
_aduan_column()
{
	local n=$1 line i f
	shift
	_aduan_col=()
	{
		read -r line || return 0
		while IFS= read -r line; do
			i=1
			while [[ $i -lt $n ]]; do
				line=${line#*$'\t'}
				i=$((i + 1))
			done
			f=${line%%$'\t'*}
			[[ -n $f ]] && _aduan_col+=("$f")
		done
	} < <(_aduan_run "$@")
	return 0
}

# _aduan_presets: preset names in the data folders aduan is likely to use.
_aduan_presets()
{
	local d f cmd
	local -A seen=()
	cmd=$(type -P aduan 2>/dev/null)
	_aduan_col=()
	for d in ${ADUAN_DATADIR:+"$ADUAN_DATADIR"} ${cmd:+"${cmd%/*}/data" "${cmd%/*}/../share/aduan"}; do
		for f in "$d"/*.kelurahan.tsv; do
			[[ -r $f ]] || continue
			f=${f##*/} f=${f%.kelurahan.tsv}
			[[ -n ${seen[$f]-} ]] && continue
			seen[$f]=1
			_aduan_col+=("$f")
		done
	done
	[[ ${#_aduan_col[@]} -gt 0 ]] || _aduan_col=(bontang-utara)
}

# _aduan_categories: the categories the routing rules know.
_aduan_categories()
{
	local -A seen=()
	local c
	_aduan_column 3 rule list
	local a=("${_aduan_col[@]}")
	_aduan_column 5 rule list
	_aduan_col+=("${a[@]}")
	a=()
	for c in "${_aduan_col[@]}"; do
		[[ -n ${seen[$c]-} ]] && continue
		seen[$c]=1
		a+=("$c")
	done
	_aduan_col=("${a[@]}")
}

# _aduan_value PROG OPT CUR: completes the value of option OPT.
_aduan_value()
{
	local prog=$1 opt=$2 cur=$3 w last
	case $opt in
	--db|--rejects|-o|--output)
		_aduan_files "$cur" ;;
	--from)
		_aduan_reply "$cur" csv tsv jsonl whatsapp xlsx ;;
	--delimiter)
		_aduan_reply "$cur" , ';' '|' tab ;;
	--report)
		_aduan_reply "$cur" html ;;
	-c|--channel)
		_aduan_reply "$cur" $_aduan_channels ;;
	--status)
		_aduan_reply "$cur" $_aduan_statuses ;;
	--priority)
		_aduan_reply "$cur" $_aduan_priorities ;;
	--resolution)
		_aduan_reply "$cur" $_aduan_resolutions ;;
	--format)
		case $prog in
		aduan-add) _aduan_reply "$cur" jsonl ;;
		aduan-export) _aduan_reply "$cur" csv tsv jsonl open311 xlsx ;;
		*) _aduan_reply "$cur" table tsv csv jsonl ;;
		esac ;;
	--agency|--to)
		_aduan_column 1 agency list
		_aduan_reply "$cur" "${_aduan_col[@]}" ;;
	-k|--kelurahan)
		_aduan_column 1 kelurahan list
		_aduan_reply "$cur" "${_aduan_col[@]}" ;;
	--category|--set-category)
		_aduan_categories
		_aduan_reply "$cur" "${_aduan_col[@]}" ;;
	--date-order)
		_aduan_reply "$cur" dmy mdy ymd ;;
	--tz)
		_aduan_reply "$cur" Asia/Jakarta Asia/Makassar Asia/Jayapura UTC ;;
	--week)
		printf -v w '%(%G-W%V)T' -1
		printf -v last '%(%G-W%V)T' $((${EPOCHSECONDS:-$(date +%s)} - 604800))
		_aduan_reply "$cur" this last "$w" "$last" ;;
	--anonymous|--confidential)
		[[ $prog == aduan-edit ]] && _aduan_reply "$cur" yes no ;;
	--received)
		_aduan_reply "$cur" today yesterday ;;
	--since|--until)
		printf -v w '%(%G-W%V)T' -1
		_aduan_reply "$cur" today yesterday -7d "$w" ;;
	--at)
		if [[ $prog == aduan ]]; then
			_aduan_column 1 rule list
			_aduan_reply "$cur" "${_aduan_col[@]}"
		else
			_aduan_reply "$cur" today yesterday
		fi ;;
	--by)
		[[ $prog == aduan-export ]] && _aduan_reply_list "$cur" $_aduan_summary_keys ;;
	-f|--fields)
		_aduan_reply_list "$cur" $_aduan_fields late ;;
	--count-by)
		_aduan_reply "$cur" agency kelurahan rt status channel source category priority resolution ;;
	--lang)
		_aduan_reply "$cur" id en ;;
	--preset)
		_aduan_presets
		_aduan_reply "$cur" "${_aduan_col[@]}" ;;
	esac
	return 0
}

# _aduan_takes_arg LIST WORD: is WORD an option in LIST taking a value?
_aduan_takes_arg()
{
	local o
	for o in $1; do
		[[ $o == "$2" ]] && return 0
	done
	return 1
}

# _aduan_option ARGS CUR PREV PREV2: when the word being completed is an
# option's value, sets _aduan_opt to the option and _aduan_cur to the
# value typed so far; handles --opt VALUE, --opt=VALUE, and the split of
# --opt=VALUE into three words that COMP_WORDBREAKS makes.
_aduan_option()
{
	_aduan_opt= _aduan_cur=$2
	if [[ $2 == --*=* ]]; then
		_aduan_opt=${2%%=*} _aduan_cur=${2#*=}
		_aduan_prefix=${2%%=*}=
	elif [[ $2 == = && $3 == --* ]]; then
		_aduan_opt=$3 _aduan_cur=
	elif [[ $3 == = && $4 == --* ]]; then
		_aduan_opt=$4
	elif _aduan_takes_arg "$1" "$3"; then
		_aduan_opt=$3
	else
		return 1
	fi
	_aduan_takes_arg "$1" "$_aduan_opt"
}

# _aduan_prog PROG FIRST: completes the word COMP_CWORD of program PROG
# whose arguments begin at word FIRST.
_aduan_prog()
{
	local prog=$1 first=$2 cword=$COMP_CWORD i from=
	local cur=${COMP_WORDS[cword]} prev= prev2= opts args
	[[ $cword -gt $first ]] && prev=${COMP_WORDS[cword - 1]}
	[[ $cword -gt $((first + 1)) ]] && prev2=${COMP_WORDS[cword - 2]}
	opts=_aduan_opts_${prog#aduan-} args=_aduan_args_${prog#aduan-}
	_aduan_prefix=
	if _aduan_option "${!args}" "$cur" "$prev" "$prev2"; then
		_aduan_value "$prog" "$_aduan_opt" "$_aduan_cur"
		if [[ -n $_aduan_prefix ]]; then
			for i in "${!COMPREPLY[@]}"; do
				COMPREPLY[i]=$_aduan_prefix${COMPREPLY[i]}
			done
		fi
		return 0
	fi
	case $cur in
	-*)
		_aduan_reply "$cur" ${!opts}
		return 0 ;;
	esac
	# operands: files to import, or nothing (text, ids)
	for ((i = first; i < cword; i++)); do
		case ${COMP_WORDS[i]} in --from|--from=*) from=1 ;; esac
	done
	if [[ $prog == aduan-add && -n $from ]]; then
		_aduan_files "$cur"
	else
		COMPREPLY=()
	fi
	return 0
}

# _aduan_admin VERB: completes the arguments of 'aduan VERB'.
_aduan_admin()
{
	local verb=$1 cword=$COMP_CWORD i w sub= n=0
	local cur=${COMP_WORDS[cword]} prev=${COMP_WORDS[cword - 1]} prev2=
	local opts=_aduan_opts_$verb
	[[ $cword -gt 3 ]] && prev2=${COMP_WORDS[cword - 2]}
	COMPREPLY=()
	if [[ $cword -gt 2 ]] && _aduan_option "$_aduan_args_admin" "$cur" "$prev" "$prev2"; then
		[[ $_aduan_opt == --db ]] && _aduan_files "$_aduan_cur" && return 0
		case $verb/$_aduan_opt in
		*/--lang|init/--preset|rule/--category|rule/--set-category|rule/--priority|rule/--at)
			_aduan_value aduan "$_aduan_opt" "$_aduan_cur" ;;
		group/--kelurahan)
			_aduan_column 1 kelurahan list
			_aduan_reply "$_aduan_cur" "${_aduan_col[@]}" ;;
		esac
		return 0
	fi
	case $cur in
	-*)
		[[ -n ${!opts-} ]] && _aduan_reply "$cur" ${!opts}
		return 0 ;;
	esac
	# the operands before this word (options and their values skipped)
	for ((i = 2; i < cword; i++)); do
		w=${COMP_WORDS[i]}
		if _aduan_takes_arg "$_aduan_args_admin" "$w"; then
			i=$((i + 1))
			[[ ${COMP_WORDS[i]} == = ]] && i=$((i + 1))
			continue
		fi
		[[ $w == -* ]] && continue
		[[ -z $sub ]] && sub=$w
		n=$((n + 1))
	done
	case $verb/$n/$sub in
	config/0/)
		_aduan_column 1 config
		_aduan_reply "$cur" "${_aduan_col[@]}" ;;
	agency/0/)
		_aduan_reply "$cur" list add rm set ;;
	agency/1/rm|agency/1/add|agency/1/set|rule/2/add)
		_aduan_column 1 agency list
		_aduan_reply "$cur" "${_aduan_col[@]}" ;;
	kelurahan/0/)
		_aduan_reply "$cur" list add ;;
	kelurahan/1/add)
		_aduan_column 1 kelurahan list
		_aduan_reply "$cur" "${_aduan_col[@]}" ;;
	rule/0/)
		_aduan_reply "$cur" list add rm test load ;;
	rule/1/rm)
		_aduan_column 1 rule list
		_aduan_reply "$cur" "${_aduan_col[@]}" ;;
	holiday/0/)
		_aduan_reply "$cur" list add rm load ;;
	holiday/1/rm)
		_aduan_column 1 holiday list
		_aduan_reply "$cur" "${_aduan_col[@]}" ;;
	template/0/)
		_aduan_reply "$cur" list show set edit ;;
	template/1/show|template/1/set|template/1/edit)
		_aduan_column 1 template list
		_aduan_reply "$cur" "${_aduan_col[@]}" ;;
	group/0/)
		_aduan_reply "$cur" list add rm ;;
	group/1/rm)
		_aduan_column 1 group list
		_aduan_reply "$cur" "${_aduan_col[@]}" ;;
	rule/1/load|holiday/1/load|template/2/set)
		_aduan_files "$cur" ;;
	help/0/)
		_aduan_reply "$cur" $_aduan_verbs ;;
	esac
	return 0
}

# _aduan_db: the --db FILE given on the line before the word completed.
_aduan_find_db()
{
	local i w
	_aduan_db=
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		if [[ $w == --db=?* ]]; then
			_aduan_dequote "${w#--db=}"
			_aduan_db=$REPLY
		elif [[ $w == --db ]]; then
			[[ ${COMP_WORDS[i + 1]-} == = ]] && i=$((i + 1))
			[[ $((i + 1)) -lt $COMP_CWORD ]] || continue
			_aduan_dequote "${COMP_WORDS[i + 1]}"
			_aduan_db=$REPLY
		fi
	done
	return 0
}

_aduan()
{
	local prog=${COMP_WORDS[0]##*/} verb _aduan_db _aduan_col _aduan_opt _aduan_cur
	local _aduan_prefix
	_aduan_find_db
	case $prog in
	aduan-*)
		_aduan_prog "$prog" 1
		return 0 ;;
	esac
	if [[ $COMP_CWORD -eq 1 ]]; then
		case ${COMP_WORDS[1]} in
		-*) _aduan_reply "${COMP_WORDS[1]}" --help --version ;;
		*) _aduan_reply "${COMP_WORDS[1]}" $_aduan_verbs ;;
		esac
		return 0
	fi
	verb=${COMP_WORDS[1]}
	case $verb in
	add|list|route|close|edit|export)
		_aduan_prog "aduan-$verb" 2 ;;
	init|config|agency|kelurahan|rule|holiday|template|reply|group|undo|purge|help)
		_aduan_admin "$verb" ;;
	*)
		COMPREPLY=() ;;
	esac
	return 0
}

complete -F _aduan aduan aduan-add aduan-list aduan-route aduan-close aduan-edit aduan-export
