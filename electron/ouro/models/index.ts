// Ouro's answers as main parses them: one import for the client's resources and the handlers.
export * from './lenient';
export * from './people';
export * from './assets';
export * from './pagination';
