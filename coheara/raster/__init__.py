"""Pages out: every page of an image or PDF as a 896×896 letterboxed PNG plus its text layer. No Qt."""
