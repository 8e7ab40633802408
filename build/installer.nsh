; Windows (NSIS) installer additions, included by electron-builder.yml's nsis.include.
; electron-builder's `protocols` covers macOS (Info.plist) and Linux (the .desktop MimeType) but not
; NSIS, so the per-user installer registers ouro:// itself, under HKCU (SHCTX for a per-user
; install), and the uninstaller removes it. `--` ends Chromium's switches, so nothing inside a link
; can ever be read as a command-line switch (the CVE-2018-1000006 class of bug).

!macro customInstall
  WriteRegStr SHCTX "Software\Classes\ouro" "" "URL:Ouro link"
  WriteRegStr SHCTX "Software\Classes\ouro" "URL Protocol" ""
  WriteRegStr SHCTX "Software\Classes\ouro\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHCTX "Software\Classes\ouro\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" -- "%1"'
!macroend

!macro customUnInstall
  DeleteRegKey SHCTX "Software\Classes\ouro"
!macroend
