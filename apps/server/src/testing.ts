// Service verbs other packages' tests use to set up accounts and tokens.
export { systemContext } from './services/context';
export { tokenCreate } from './services/tokens';
export { userCreate } from './services/users';
export { serverStart, ServerExit, type ServerProcess } from './test/server-process';
