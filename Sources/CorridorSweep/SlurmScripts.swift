/// The batch scripts that run a sweep as a Slurm job array and merge its shards.
///
/// `array.sbatch` runs shard `$SLURM_ARRAY_TASK_ID` of `shards` (`sbatch --array=1-N`),
/// each into its own database; `merge.sbatch` merges them; `submit.sh` submits the array,
/// then the merge with `--dependency=afterok:<array job>` so it starts only when every
/// shard succeeded. Only standard `sbatch` options are used.
public struct SlurmScripts: Sendable {
  public var sweepFile: String
  /// The `corridor` binary the jobs run (an absolute path on a file system the nodes share).
  public var corridor: String
  /// Where the scripts, logs and databases go (absolute).
  public var directory: String
  public var shards: Int
  public var partition: String?
  /// `--time` (e.g. `01:00:00`).
  public var time: String?
  /// `--mem` (e.g. `4G`).
  public var memory: String?
  public var cpusPerTask: Int
  public var jobName: String

  public init(sweepFile: String, corridor: String, directory: String, shards: Int, partition: String? = nil,
              time: String? = nil, memory: String? = nil, cpusPerTask: Int = 1, jobName: String) {
    self.sweepFile = sweepFile
    self.corridor = corridor
    self.directory = directory
    self.shards = shards
    self.partition = partition
    self.time = time
    self.memory = memory
    self.cpusPerTask = cpusPerTask
    self.jobName = jobName
  }

  /// A word the shell takes literally.
  static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

  func header(_ name: String, output: String) -> String {
    var lines = ["#!/bin/bash", "#SBATCH --job-name=\(Self.quote(name))", "#SBATCH --output=\(Self.quote(output))"]
    if let partition { lines.append("#SBATCH --partition=\(Self.quote(partition))") }
    if let time { lines.append("#SBATCH --time=\(time)") }
    if let memory { lines.append("#SBATCH --mem=\(memory)") }
    return lines.joined(separator: "\n")
  }

  /// The shard databases, in shard order.
  public var shardDatabases: [String] { (1...shards).map { "\(directory)/shard-\($0).sqlite" } }
  public var mergedDatabase: String { "\(directory)/results.sqlite" }

  public var arrayScript: String {
    """
    \(header(jobName, output: "\(directory)/logs/shard-%a.out"))
    #SBATCH --array=1-\(shards)
    #SBATCH --cpus-per-task=\(cpusPerTask)
    # Shard $SLURM_ARRAY_TASK_ID of \(shards) of the sweep \(sweepFile); re-running it resumes.
    set -euo pipefail
    exec \(Self.quote(corridor)) sweep \(Self.quote(sweepFile)) --db \(Self.quote(directory))/shard-"$SLURM_ARRAY_TASK_ID".sqlite \\
      --shard "$SLURM_ARRAY_TASK_ID"/\(shards) --jobs "${SLURM_CPUS_PER_TASK:-1}"

    """
  }

  public var mergeScript: String {
    """
    \(header(jobName + "-merge", output: "\(directory)/logs/merge.out"))
    # Merges the \(shards) shards into \(mergedDatabase) (submitted with --dependency=afterok on the array).
    set -euo pipefail
    exec \(Self.quote(corridor)) sweep merge \(Self.quote(mergedDatabase)) \(shardDatabases.map(Self.quote).joined(separator: " "))

    """
  }

  public var submitScript: String {
    """
    #!/bin/bash
    # Submits the sweep's job array, then the merge once every shard has succeeded.
    set -euo pipefail
    mkdir -p \(Self.quote(directory + "/logs"))
    array=$(sbatch --parsable \(Self.quote(directory + "/array.sbatch")))
    array=${array%%;*}
    merge=$(sbatch --parsable --dependency=afterok:"$array" \(Self.quote(directory + "/merge.sbatch")))
    merge=${merge%%;*}
    echo "array job $array (\(shards) shards), merge job $merge -> \(mergedDatabase)"

    """
  }
}
