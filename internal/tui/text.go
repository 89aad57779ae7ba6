package tui

import "github.com/skinguide/skinguide/internal/content"

// texts are the words of the app around the pages, in the guide's
// language. Every one comes from the language's ui.yaml (content.UI), never
// from Go code, so a language is only files; see words_test.go.
type texts struct {
	LanguageName string

	TooSmall []string // longest first

	MenuFAQ, MenuFAQDesc, MenuTime, MenuTimeDesc     string
	MenuCall, MenuCallDesc, MenuAbout, MenuAboutDesc string
	MenuWords, MenuWordsDesc                         string
	HomeHint, HomeHintTouch                          string

	PlaceFAQ, PlaceSearch, PlaceTimeline, PlaceCallUs, PlaceAbout, PlaceHelp, PlaceStaff string

	Related, RelatedPress, RelatedShort                                  string
	SearchPrompt, SearchEmpty, SearchNone, SearchOne, SearchMany         string
	SearchCorrected, SearchDidYouMean                                    string
	TimelineNoDate, TimelineDay, TimelineDay0, TimelineBeyond            string
	NextSession, DateQuestion, DatePlaceholder, Today                    string
	HelpTitle, HelpClose, HelpAbove, HelpBelow                           string
	FactTitle, FactMore, StillReading, StartingOver, AnyKey, KeepReading string
	Back, PageUp, PageDown, ListEarlier, ListMore                        string
	PagerAll, PagerMore, PagerEnd, StaffPrompt, MoreBelow                string
	StaffTitle, StaffHint, StaffWrong, StaffLocked, QRCaption            string
	StaffLockedMinutes                                                   string

	Key keyWords
}

// keyWords say what each key does, in help and the hint bar.
type keyWords struct {
	Up, Down, Move, Open, Choose, Search, Fact, TheFact                string
	NextQuestion, PreviousQuestion, Next, AllKeys, WhenToCall, CallUs  string
	Help, Back, Quit, Pause, Close                                     string
	PreviousSection, NextSection, Section, FirstQuestion, LastQuestion string
	Read, GoToAnswer, GoToList, Scroll, ScrollUp, ScrollDown           string
	PageUp, PageDown, Top, Bottom, Related, RelatedQuestion            string
	Cancel, Apply, Earlier, Later, Day, FirstStep, LastStep, Today     string
	TreatmentDate, SetDate, ReadFullScreen, Language                   string
	Normal, First, LastContinue, YourDay, StartAgain                   string
}

// newTexts reads the interface's words from a guide's ui.yaml. The loader
// fills what a clinic's file leaves out from the built-in pack, so every
// key has a value.
func newTexts(ui *content.UI) *texts {
	t := &texts{TooSmall: ui.List("too_small")}
	k := &t.Key
	for key, dst := range map[string]*string{
		"language_name": &t.LanguageName,
		"menu_faq":      &t.MenuFAQ, "menu_faq_desc": &t.MenuFAQDesc, "menu_timeline": &t.MenuTime,
		"menu_timeline_desc": &t.MenuTimeDesc, "menu_call": &t.MenuCall, "menu_call_desc": &t.MenuCallDesc,
		"menu_about": &t.MenuAbout, "menu_about_desc": &t.MenuAboutDesc,
		"menu_words": &t.MenuWords, "menu_words_desc": &t.MenuWordsDesc,
		"home_hint": &t.HomeHint, "home_hint_touch": &t.HomeHintTouch,
		"place_faq": &t.PlaceFAQ, "place_search": &t.PlaceSearch, "place_timeline": &t.PlaceTimeline,
		"place_call_us": &t.PlaceCallUs, "place_about": &t.PlaceAbout, "place_help": &t.PlaceHelp,
		"place_staff": &t.PlaceStaff,
		"related":     &t.Related, "related_press": &t.RelatedPress, "related_short": &t.RelatedShort,
		"search_prompt": &t.SearchPrompt, "search_empty": &t.SearchEmpty, "search_none": &t.SearchNone,
		"search_one": &t.SearchOne, "search_many": &t.SearchMany,
		"search_corrected": &t.SearchCorrected, "search_did_you_mean": &t.SearchDidYouMean,
		"timeline_no_date": &t.TimelineNoDate, "timeline_day": &t.TimelineDay, "timeline_day0": &t.TimelineDay0,
		"timeline_beyond": &t.TimelineBeyond, "next_session": &t.NextSession, "date_question": &t.DateQuestion,
		"date_placeholder": &t.DatePlaceholder, "today": &t.Today,
		"help_title": &t.HelpTitle, "help_close": &t.HelpClose, "help_above": &t.HelpAbove, "help_below": &t.HelpBelow,
		"fact_title": &t.FactTitle, "fact_more": &t.FactMore, "still_reading": &t.StillReading,
		"starting_over": &t.StartingOver, "any_key": &t.AnyKey, "keep_reading": &t.KeepReading,
		"back": &t.Back, "page_up": &t.PageUp, "page_down": &t.PageDown,
		"list_earlier": &t.ListEarlier, "list_more": &t.ListMore,
		"staff_title": &t.StaffTitle, "staff_hint": &t.StaffHint, "staff_wrong": &t.StaffWrong,
		"staff_locked": &t.StaffLocked, "staff_locked_minutes": &t.StaffLockedMinutes, "staff_prompt": &t.StaffPrompt,
		"more_below": &t.MoreBelow, "pager_all": &t.PagerAll, "pager_more": &t.PagerMore, "pager_end": &t.PagerEnd, "qr_caption": &t.QRCaption,

		"key_up": &k.Up, "key_down": &k.Down, "key_move": &k.Move, "key_open": &k.Open,
		"key_choose": &k.Choose, "key_search": &k.Search, "key_fact": &k.Fact, "key_the_fact": &k.TheFact,
		"key_next_question": &k.NextQuestion, "key_previous_question": &k.PreviousQuestion,
		"key_next": &k.Next, "key_all_keys": &k.AllKeys, "key_when_to_call": &k.WhenToCall,
		"key_call_us": &k.CallUs, "key_help": &k.Help, "key_back": &k.Back, "key_quit": &k.Quit,
		"key_pause": &k.Pause, "key_close": &k.Close,
		"key_previous_section": &k.PreviousSection, "key_next_section": &k.NextSection,
		"key_section": &k.Section, "key_first_question": &k.FirstQuestion, "key_last_question": &k.LastQuestion,
		"key_read": &k.Read, "key_go_to_answer": &k.GoToAnswer, "key_go_to_list": &k.GoToList,
		"key_scroll": &k.Scroll, "key_scroll_up": &k.ScrollUp, "key_scroll_down": &k.ScrollDown,
		"key_page_up": &k.PageUp, "key_page_down": &k.PageDown, "key_top": &k.Top, "key_bottom": &k.Bottom,
		"key_related": &k.Related, "key_related_question": &k.RelatedQuestion,
		"key_cancel": &k.Cancel, "key_apply": &k.Apply, "key_earlier": &k.Earlier, "key_later": &k.Later,
		"key_day": &k.Day, "key_first_step": &k.FirstStep, "key_last_step": &k.LastStep, "key_today": &k.Today,
		"key_treatment_date": &k.TreatmentDate, "key_set_date": &k.SetDate,
		"key_read_full_screen": &k.ReadFullScreen, "key_language": &k.Language,
		"key_normal": &k.Normal, "key_first": &k.First, "key_last_continue": &k.LastContinue,
		"key_your_day": &k.YourDay, "key_start_again": &k.StartAgain,
	} {
		*dst = ui.Text(key)
	}
	return t
}
