export * from './template.ts';
export * from './form.ts';
export * from './request.ts';
export * from './preview.ts';
export * from './key-figure.ts';
