; Portico's toast activator for the per-user NSIS install: Windows starts this COM server when a
; toast's button is pressed while Portico is not running. The CLSID must equal
; TOAST_ACTIVATOR_CLSID in electron/main/app-identity.ts (test/integration/packaging-config.test.ts
; checks it); Electron puts the same CLSID on the Start-menu shortcut (app.setToastActivatorCLSID).
!define PORTICO_TOAST_CLSID "{7D3A2C55-8B1E-4F6A-9C0D-2E5B7A41C9F8}"

!macro customInstall
  WriteRegStr HKCU "Software\Classes\CLSID\${PORTICO_TOAST_CLSID}\LocalServer32" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" --toast-activated'
!macroend

!macro customUnInstall
  DeleteRegKey HKCU "Software\Classes\CLSID\${PORTICO_TOAST_CLSID}"
!macroend
