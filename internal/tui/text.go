package tui

// The words of the app around the pages. They are kept together so that a
// second language is a matter of one more table (the pages themselves come
// from the content folder).
const (
	txtTooSmall = "Please make this window bigger (at least 40 x 12)."
	// Shorter ways to ask, for very narrow windows.
	txtTooSmall2 = "Please make this window bigger."
	txtTooSmall3 = "Make the window bigger."
	txtTooSmall4 = "Too small"

	txtMenuFAQ      = "Learn about microneedling"
	txtMenuFAQDesc  = "Questions and answers: the visit, aftercare, results"
	txtMenuTime     = "Recovery day by day"
	txtMenuTimeDesc = "What is normal, what to do and what to avoid"
	txtMenuCall     = "When to call us"
	txtMenuCallDesc = "Warning signs, and what to do in an emergency"
	txtMenuAbout    = "About this guide"
	txtMenuAboutDes = "Who it is for and what it is based on"
	txtHomeHint     = "Press a number, or use ↑ ↓ and Enter. Press / to search."

	txtPlaceFAQ      = "Questions and answers"
	txtPlaceSearch   = "Search"
	txtPlaceTimeline = "Recovery day by day"
	txtPlaceCallUs   = "When to call us"
	txtPlaceAbout    = "About this guide"
	txtPlaceHelp     = "Keys"

	txtRelated      = "Related questions"
	txtRelatedShort = "Related: "
	txtSearchPrompt = "Search: "
	txtSearchEmpty  = "Type a word, for example sun, makeup or retinol."
	txtSearchNone   = "Nothing matches %q. Try another word, or choose:"
	// txtSearchCorrected says a word was not in the guide and a near
	// spelling was searched for instead.
	txtSearchCorrected  = "Showing results for %s"
	txtSearchDidYouMean = "Did you mean %q?"
	txtSearchOne        = "1 answer matches"
	txtSearchMany       = "%d answers match"

	txtTimelineNoDate = "Press t to enter your treatment date and see today's step."
	txtTimelineDay    = "Day %d after your treatment"
	txtTimelineDay0   = "Today is your treatment day"
	txtTimelineBeyond = "Day %d after your treatment: your recovery timeline is complete"
	txtNextSession    = "Your next session, if you have one, is usually between %s and %s."
	txtDateQuestion   = "When were you treated? Type a date like 2026-11-20, or a number of days ago."
	txtToday          = "Today"

	txtHelpTitle = "Keys you can use here"
	txtHelpClose = "Press ? or esc to close this list."

	// Kiosk mode.
	txtHomeHintTouch = "Touch a line, or press its number. Press / to search."
	txtFactTitle     = "Did you know?"
	txtFactMore      = "Touch here, or press f, to read more."
	txtStillReading  = "Still reading? Press any key to keep reading."
	txtStartingOver  = "Starting over in %d s"
	txtAnyKey        = "any key or touch"
	txtKeepReading   = "keep reading"
	txtBack          = "‹ Back"
	txtPageUp        = "▲ Up"
	txtPageDown      = "▼ Down"
	txtListEarlier   = "▲ Earlier questions"
	txtListMore      = "▼ More questions"
	txtMoreBelow     = "▼ %d more below (↓ to see them)"
	txtPlaceStaff    = "Staff"
	txtStaffTitle    = "Staff exit: type the PIN and press Enter."
	txtStaffHint     = "Esc goes back to the guide."
	txtStaffWrong    = "Wrong PIN. The guide stays open."
	txtStaffLocked   = "Too many wrong PINs. Please wait, then try again."
	txtQRCaption     = "Scan for our website:"
)
