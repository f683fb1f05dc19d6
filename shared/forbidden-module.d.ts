// Mapped over 'electron' by the tsconfig of every room that must not import it, so such an import fails to compile.
export type ThisRoomMustNotImportElectron = never;
