import { defineConfig } from 'tsup';
import { commandBundles } from '../../build/command-bundles.js';

export default defineConfig(commandBundles());
