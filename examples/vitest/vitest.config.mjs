// Its own root: the repository's vitest config collects test/**/*.test.ts only, and this
// example must run on its own (reruns start vitest here).
export default {
  test: {
    include: ["tests/**/*.test.js"],
    // The junit reporter writes console output into <system-out>; the seed line lives there.
    reporters: ["default"],
  },
};
