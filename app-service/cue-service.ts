AppService({
  onInit() {
    // The cue service is filled in by the watch-app work; declared now so packaging covers it.
  },
});
