export * from './enums';
export * from './teams';
export * from './users';
export * from './audit';
export * from './cases';
export * from './meetings';
export * from './work';
export * from './controls';
