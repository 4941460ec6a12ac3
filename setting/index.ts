AppSettingsPage({
  build() {
    return View({}, [Section({ title: 'Knead' }, [Text({ paragraph: true }, ['Your self-massage history appears here.'])])]);
  },
});
