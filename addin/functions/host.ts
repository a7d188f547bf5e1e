// The CustomFunctions global as functions.ts uses it: the real one inside Excel's runtime, an
// inert stand-in elsewhere (a plain browser, Excel without custom functions) so the shared page
// still loads when the metadata plugin's appended associate calls run.

export interface CustomFunctionsHost {
  associate(id: string, fn: Function): void;
  Error: new (code: CustomFunctions.ErrorCode, message?: string) => unknown;
  ErrorCode: { invalidValue: CustomFunctions.ErrorCode; notAvailable: CustomFunctions.ErrorCode };
}

class StandInError extends Error {
  constructor(
    readonly code: CustomFunctions.ErrorCode,
    message?: string,
  ) {
    super(message ?? String(code));
    this.name = 'CustomFunctionsError';
  }
}

const standIn: CustomFunctionsHost = {
  associate: () => undefined,
  Error: StandInError,
  ErrorCode: {
    invalidValue: '#VALUE!' as CustomFunctions.ErrorCode,
    notAvailable: '#N/A' as CustomFunctions.ErrorCode,
  },
};

export function customFunctionsHost(): CustomFunctionsHost {
  return typeof CustomFunctions !== 'undefined' && typeof CustomFunctions.associate === 'function'
    ? CustomFunctions
    : standIn;
}
